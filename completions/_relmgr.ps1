
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'relmgr' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'relmgr'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'relmgr' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a store (.relmgr/) in DIR; the user becomes its admin')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Projects: create, list, show, edit')
            [CompletionResult]::new('product', 'product', [CompletionResultType]::ParameterValue, 'Products (sub-lines of a project): create, list, show, edit')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Users: add, edit, list, show, consent')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Roles: grant, revoke, list')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'OpenPGP keys: import, list, show, remove, export (KEYS), generate')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Vote policy: show, set, history')
            [CompletionResult]::new('stage', 'stage', [CompletionResultType]::ParameterValue, 'Stage files (or an external package) into a release''s draft revision')
            [CompletionResult]::new('unstage', 'unstage', [CompletionResultType]::ParameterValue, 'Remove a package from a draft revision')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign every package of a draft revision with your key')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Release checks: signatures, checksums, archives, LICENSE/NOTICE, headers, naming, layout')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify checksums and signatures of a release or of a directory')
            [CompletionResult]::new('vote', 'vote', [CompletionResultType]::ParameterValue, 'Votes: start, cast, status, close, import')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make a release with a passed vote current (distributing)')
            [CompletionResult]::new('announce', 'announce', [CompletionResultType]::ParameterValue, 'Render the [ANNOUNCE] mail and mark the release announced')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'The release mails: resend one that failed to send')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a release from any stage; its version stays blocked')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Write the dist tree with KEYS and a signed snapshot.json (pmc or rm)')
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Fetch the package bytes this store lacks from a directory or URL, verified (e.g. a clone)')
            [CompletionResult]::new('sbom', 'sbom', [CompletionResultType]::ParameterValue, 'A CycloneDX 1.6 or SPDX 2.3 SBOM of a release, reproducible')
            [CompletionResult]::new('fsck', 'fsck', [CompletionResultType]::ParameterValue, 'Check objects, checksums, signatures, the event chain and the derived files')
            [CompletionResult]::new('cve', 'cve', [CompletionResultType]::ParameterValue, 'CVEs: add, link, list')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Releases: list, show')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The audit events, oldest first')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Share the history through git: fetch, merge, bring the index up to date, push')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Write completions/ and man/ from the command definitions (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;init' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The first user, who becomes the store''s admin')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The user''s display name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The user''s email')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;project' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project (admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List projects')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one project')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a project''s metadata (pmc, rm or admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;project;create' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'One-paragraph description')
            [CompletionResult]::new('--homepage', '--homepage', [CompletionResultType]::ParameterName, 'Homepage URL (http or https)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source repository URL')
            [CompletionResult]::new('--license', '--license', [CompletionResultType]::ParameterName, 'License as an SPDX expression, e.g. Apache-2.0')
            [CompletionResult]::new('--support', '--support', [CompletionResultType]::ParameterName, 'Support (issues, mailing list) URL')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Email to notify of votes and announcements (repeatable; replaces the list on edit)')
            [CompletionResult]::new('--header-license', '--header-license', [CompletionResultType]::ParameterName, 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;project;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;project;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;project;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'One-paragraph description')
            [CompletionResult]::new('--homepage', '--homepage', [CompletionResultType]::ParameterName, 'Homepage URL (http or https)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source repository URL')
            [CompletionResult]::new('--license', '--license', [CompletionResultType]::ParameterName, 'License as an SPDX expression, e.g. Apache-2.0')
            [CompletionResult]::new('--support', '--support', [CompletionResultType]::ParameterName, 'Support (issues, mailing list) URL')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Email to notify of votes and announcements (repeatable; replaces the list on edit)')
            [CompletionResult]::new('--header-license', '--header-license', [CompletionResultType]::ParameterName, 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;project;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project (admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List projects')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one project')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a project''s metadata (pmc, rm or admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;project;help;create' {
            break
        }
        'relmgr;project;help;list' {
            break
        }
        'relmgr;project;help;show' {
            break
        }
        'relmgr;project;help;edit' {
            break
        }
        'relmgr;project;help;help' {
            break
        }
        'relmgr;product' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a product of a project (pmc, rm or admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List products, of one project or all')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one product')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a product''s metadata (pmc, rm or admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;product;create' {
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'One-paragraph description')
            [CompletionResult]::new('--homepage', '--homepage', [CompletionResultType]::ParameterName, 'Homepage URL (http or https)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source repository URL')
            [CompletionResult]::new('--license', '--license', [CompletionResultType]::ParameterName, 'License as an SPDX expression, e.g. Apache-2.0')
            [CompletionResult]::new('--support', '--support', [CompletionResultType]::ParameterName, 'Support (issues, mailing list) URL')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Email to notify of votes and announcements (repeatable; replaces the list on edit)')
            [CompletionResult]::new('--header-license', '--header-license', [CompletionResultType]::ParameterName, 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;product;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;product;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;product;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'One-paragraph description')
            [CompletionResult]::new('--homepage', '--homepage', [CompletionResultType]::ParameterName, 'Homepage URL (http or https)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source repository URL')
            [CompletionResult]::new('--license', '--license', [CompletionResultType]::ParameterName, 'License as an SPDX expression, e.g. Apache-2.0')
            [CompletionResult]::new('--support', '--support', [CompletionResultType]::ParameterName, 'Support (issues, mailing list) URL')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Email to notify of votes and announcements (repeatable; replaces the list on edit)')
            [CompletionResult]::new('--header-license', '--header-license', [CompletionResultType]::ParameterName, 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;product;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a product of a project (pmc, rm or admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List products, of one project or all')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one product')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a product''s metadata (pmc, rm or admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;product;help;create' {
            break
        }
        'relmgr;product;help;list' {
            break
        }
        'relmgr;product;help;show' {
            break
        }
        'relmgr;product;help;edit' {
            break
        }
        'relmgr;product;help;help' {
            break
        }
        'relmgr;user' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (admin, or pmc of a project)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Set a user''s name or email (themselves, admin, or pmc of a project)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and their roles')
            [CompletionResult]::new('consent', 'consent', [CompletionResultType]::ParameterValue, 'Record (grant) or withdraw (revoke) consent; revoke erases name and email')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;user;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name (kept only with --consent unless the user becomes committer or PMC)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email (kept only with --consent unless the user becomes committer or PMC)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'A service account (a CI bot) rather than a person')
            [CompletionResult]::new('--consent', '--consent', [CompletionResultType]::ParameterName, 'The user agreed that their name and email are kept')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;user;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The user''s display name (personal data: kept with a role or consent)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The user''s email address (personal data: kept with a role or consent)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;user;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;user;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;user;consent' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;user;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (admin, or pmc of a project)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Set a user''s name or email (themselves, admin, or pmc of a project)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and their roles')
            [CompletionResult]::new('consent', 'consent', [CompletionResultType]::ParameterValue, 'Record (grant) or withdraw (revoke) consent; revoke erases name and email')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;user;help;add' {
            break
        }
        'relmgr;user;help;edit' {
            break
        }
        'relmgr;user;help;list' {
            break
        }
        'relmgr;user;help;show' {
            break
        }
        'relmgr;user;help;consent' {
            break
        }
        'relmgr;user;help;help' {
            break
        }
        'relmgr;role' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant a role: pmc, committer or rm on a project; admin or member on `store`')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a role')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles, of one project (or `store`) or all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;role;grant' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;role;revoke' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;role;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;role;help' {
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant a role: pmc, committer or rm on a project; admin or member on `store`')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a role')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles, of one project (or `store`) or all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;role;help;grant' {
            break
        }
        'relmgr;role;help;revoke' {
            break
        }
        'relmgr;role;help;list' {
            break
        }
        'relmgr;role;help;help' {
            break
        }
        'relmgr;key' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import certificates: armored or binary, keyrings, whole Apache KEYS files')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys with their status (valid, expired, revoked, retired)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key by fingerprint or long key id')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Retire a key: it still verifies old signatures but signs nothing new')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a registered key to another user (one imported for the wrong user, or for nobody)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write an Apache KEYS file of a project''s members (or of every owned key)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;key;import' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user who owns the keys [default: the one user whose email is in a key''s user IDs; with none or several, the key has no owner and only verifies]. With several keys, only those whose user IDs match the user (by email, else by name) are imported (none: refused)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'relmgr;key;list' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user''s id')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;key;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;key;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;key;assign' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user who owns the key from now on')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'relmgr;key;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;key;generate' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The user''s id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the armored secret key (mode 0600; protected by the passphrase in $RELMGR_PASSPHRASE_FILE if set)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the armored secret key (mode 0600; protected by the passphrase in $RELMGR_PASSPHRASE_FILE if set)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;key;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import certificates: armored or binary, keyrings, whole Apache KEYS files')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys with their status (valid, expired, revoked, retired)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key by fingerprint or long key id')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Retire a key: it still verifies old signatures but signs nothing new')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a registered key to another user (one imported for the wrong user, or for nobody)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write an Apache KEYS file of a project''s members (or of every owned key)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;key;help;import' {
            break
        }
        'relmgr;key;help;list' {
            break
        }
        'relmgr;key;help;show' {
            break
        }
        'relmgr;key;help;remove' {
            break
        }
        'relmgr;key;help;assign' {
            break
        }
        'relmgr;key;help;export' {
            break
        }
        'relmgr;key;help;generate' {
            break
        }
        'relmgr;key;help;help' {
            break
        }
        'relmgr;policy' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the vote policy in force for a project or product, and where each field comes from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set fields of the vote policy (a new policy version; pmc, rm or admin)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Every version of a target''s own policy, with who set it and when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;policy;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;policy;set' {
            [CompletionResult]::new('--min-hours', '--min-hours', [CompletionResultType]::ParameterName, 'Minimum hours a vote stays open (0: it may close as soon as the rule holds)')
            [CompletionResult]::new('--manual', '--manual', [CompletionResultType]::ParameterName, 'Record votes but let the RM decide (true/false)')
            [CompletionResult]::new('--pause-on-veto', '--pause-on-veto', [CompletionResultType]::ParameterName, 'A passing vote with any -1 waits for the RM to confirm or abandon it (true/false)')
            [CompletionResult]::new('--checklist', '--checklist', [CompletionResultType]::ParameterName, 'A markdown file shown to voters as the checklist')
            [CompletionResult]::new('--signed-events', '--signed-events', [CompletionResultType]::ParameterName, 'Which events must be signed by their actor''s key: none, binding (votes, closes, roles, keys, policy, promote, revoke, publish) or all')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--clear-checklist', '--clear-checklist', [CompletionResultType]::ParameterName, 'Remove the checklist')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;policy;history' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the vote policy in force for a project or product, and where each field comes from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set fields of the vote policy (a new policy version; pmc, rm or admin)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Every version of a target''s own policy, with who set it and when')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;policy;help;show' {
            break
        }
        'relmgr;policy;help;set' {
            break
        }
        'relmgr;policy;help;history' {
            break
        }
        'relmgr;policy;help;help' {
            break
        }
        'relmgr;stage' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Platform of these packages (linux, windows, macos, any, …)')
            [CompletionResult]::new('--arch', '--arch', [CompletionResultType]::ParameterName, 'CPU architecture (x64, arm64, …)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Channel (stable, beta, …)')
            [CompletionResult]::new('--sign', '--sign', [CompletionResultType]::ParameterName, 'Sign each file with this secret key while staging (one read per file)')
            [CompletionResult]::new('--external', '--external', [CompletionResultType]::ParameterName, 'Stage an external package: its https:// or oci:// URL')
            [CompletionResult]::new('--sha256', '--sha256', [CompletionResultType]::ParameterName, 'The external package''s SHA-256 (64 hex digits)')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'The external package''s size in bytes')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Check these packages as source archives (LICENSE, NOTICE, compiled files, headers)')
            [CompletionResult]::new('--binary', '--binary', [CompletionResultType]::ParameterName, 'Check these packages as binary distributions (no source checks), whatever their content')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;unstage' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;sign' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Your secret key (passphrase: $RELMGR_PASSPHRASE_FILE, else a prompt)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;check' {
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The revision to use, rcN [default: the newest]')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Check a downloaded candidate instead: packages with .asc and .sha512 (no store needed)')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'The KEYS file to check signatures with [default: DIR/KEYS]')
            [CompletionResult]::new('--git', '--git', [CompletionResultType]::ParameterName, 'Compare each source archive with this tag or commit of the git repository around the store (or the current directory, with --dir): files only in one, or different')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'With --dir: check packages matching GLOB as source archives (repeatable)')
            [CompletionResult]::new('--binary', '--binary', [CompletionResultType]::ParameterName, 'With --dir: packages matching GLOB are not source archives (repeatable)')
            [CompletionResult]::new('--license', '--license', [CompletionResultType]::ParameterName, 'With --dir: the project''s license, an SPDX expression (e.g. MIT) [default: Apache-2.0 rules]')
            [CompletionResult]::new('--ignore-file', '--ignore-file', [CompletionResultType]::ParameterName, 'With --dir: paths the header check leaves out, one pattern a line (RAT''s --input-exclude-file format; a source tree''s own .rat-excludes is read too)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Warnings fail too (exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;check;ignore' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Ignore findings matching PATTERN (recorded as an event)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a target''s ignores')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop ignoring PATTERN')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;check;ignore;add' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the finding is acceptable')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;check;ignore;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;check;ignore;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;check;ignore;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Ignore findings matching PATTERN (recorded as an event)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a target''s ignores')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop ignoring PATTERN')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;check;ignore;help;add' {
            break
        }
        'relmgr;check;ignore;help;list' {
            break
        }
        'relmgr;check;ignore;help;remove' {
            break
        }
        'relmgr;check;ignore;help;help' {
            break
        }
        'relmgr;check;help' {
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;check;help;ignore' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Ignore findings matching PATTERN (recorded as an event)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a target''s ignores')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop ignoring PATTERN')
            break
        }
        'relmgr;check;help;ignore;add' {
            break
        }
        'relmgr;check;help;ignore;list' {
            break
        }
        'relmgr;check;help;ignore;remove' {
            break
        }
        'relmgr;check;help;help' {
            break
        }
        'relmgr;verify' {
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The revision to verify [default: the newest]')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Verify a directory of packages instead (e.g. a download, or a published tree: every file must be listed by its unexpired snapshot.json)')
            [CompletionResult]::new('--keys', '--keys', [CompletionResultType]::ParameterName, 'A KEYS file to verify signatures with [default: DIR/KEYS, else the store''s keys]; without a store, the snapshot versions seen are kept beside it in KEYS.seen.json')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;vote' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail')
            [CompletionResult]::new('cast', 'cast', [CompletionResultType]::ParameterValue, 'Cast your vote: +1, 0 or -1 (your last vote counts)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Tallies, voters and the outcome')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the vote (RM): the rule decides, or --confirm / --abandon')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Record the votes of a mailing-list thread (mbox): each sender''s last vote counts, and every message is listed with what was read from it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;vote;start' {
            [CompletionResult]::new('--hours', '--hours', [CompletionResultType]::ParameterName, 'Keep the vote open this many hours (at least the policy''s min_hours)')
            [CompletionResult]::new('--vote', '--vote', [CompletionResultType]::ParameterName, 'Cast your own vote at once (+1, 0 or -1)')
            [CompletionResult]::new('--acknowledge', '--acknowledge', [CompletionResultType]::ParameterName, 'Start despite a failing release check of this id (recorded with the vote)')
            [CompletionResult]::new('--candidates-url', '--candidates-url', [CompletionResultType]::ParameterName, 'Where voters download the candidate (an http(s) URL, e.g. the dist/dev directory that `publish --candidates` fills); the [VOTE] mail gives it, and --send needs it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the mail to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the mail to FILE instead of stdout')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Also send the mail over SMTP ([smtp] in config.toml) to the project''s notify emails')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;vote;cast' {
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'A comment shown beside the vote')
            [CompletionResult]::new('--sign', '--sign', [CompletionResultType]::ParameterName, 'Sign the vote with your own registered key')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;vote;status' {
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The revision to use, rcN [default: the newest]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;vote;close' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--confirm', '--confirm', [CompletionResultType]::ParameterName, 'Confirm a vote awaiting confirmation (or a manual one): it passes')
            [CompletionResult]::new('--abandon', '--abandon', [CompletionResultType]::ParameterName, 'Abandon the vote: the release stays a candidate for a new revision')
            [CompletionResult]::new('--accept-review', '--accept-review', [CompletionResultType]::ParameterName, 'Close even though messages of the thread still need review (they stay uncounted)')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Also send the mail over SMTP ([smtp] in config.toml) to the project''s notify emails')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;vote;import' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Record the vote of a message that needs review, by its id: MSGID=+1, =0 or =-1')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Record that a message that needs review gives no vote, by its id')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--review', '--review', [CompletionResultType]::ParameterName, 'Decide each message that needs review on the terminal (+1, 0, -1 or none)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;vote;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail')
            [CompletionResult]::new('cast', 'cast', [CompletionResultType]::ParameterValue, 'Cast your vote: +1, 0 or -1 (your last vote counts)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Tallies, voters and the outcome')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the vote (RM): the rule decides, or --confirm / --abandon')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Record the votes of a mailing-list thread (mbox): each sender''s last vote counts, and every message is listed with what was read from it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;vote;help;start' {
            break
        }
        'relmgr;vote;help;cast' {
            break
        }
        'relmgr;vote;help;status' {
            break
        }
        'relmgr;vote;help;close' {
            break
        }
        'relmgr;vote;help;import' {
            break
        }
        'relmgr;vote;help;help' {
            break
        }
        'relmgr;promote' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--archive-prior', '--archive-prior', [CompletionResultType]::ParameterName, 'Archive the target''s earlier current releases (they stay listed in the snapshot)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;announce' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'A template with {name} {version} {release} {packages} {download} {keys} {cves} {description} {actor}')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the mail to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the mail to FILE instead of stdout')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Also send the mail over SMTP ([smtp] in config.toml) to the project''s notify emails')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;mail' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;mail;resend' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Send to ADDRESS instead of the project''s notify emails (repeatable, or comma-separated)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;mail;help' {
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;mail;help;resend' {
            break
        }
        'relmgr;mail;help;help' {
            break
        }
        'relmgr;revoke' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the snapshot and the log')
            [CompletionResult]::new('--cve', '--cve', [CompletionResultType]::ParameterName, 'A CVE this revocation is about (repeatable; it must have been added)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;publish' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Your secret key, to sign snapshot.json')
            [CompletionResult]::new('--expires-days', '--expires-days', [CompletionResultType]::ParameterName, 'How many days the snapshot stays valid')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Make the download pages'' package links absolute under URL (a mirror network)')
            [CompletionResult]::new('--canonical-url', '--canonical-url', [CompletionResultType]::ParameterName, 'Make the pages'' .asc, .sha512 and KEYS links absolute under URL (the canonical site)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--candidates', '--candidates', [CompletionResultType]::ParameterName, 'Write the revisions under vote to DIR/<target>/<version>-<rcN>/ (packages, .asc, .sha512, KEYS) for voters to check and fetch, instead of the dist tree')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;fetch' {
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The revision whose packages to fetch [default: the newest]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where the bytes are: a directory (a download, a `publish --candidates` or `publish` tree, another store''s releases/) or an http(s):// base URL of one')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;sbom' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'cyclonedx or spdx')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The revision to describe [default: the released one, else the newest]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;fsck' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--repair', '--repair', [CompletionResultType]::ParameterName, 'Remove leftovers of interrupted runs and rebuild the releases/ tree and keys/')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;cve' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record a CVE')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link a CVE to a project, product or release (TARGET[@VERSION])')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List CVEs, of one target or all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;cve;add' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The CVE''s title')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Publication date, YYYY-MM-DD')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'critical, high, medium, low, info, none, unknown')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;cve;link' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;cve;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;cve;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record a CVE')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link a CVE to a project, product or release (TARGET[@VERSION])')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List CVEs, of one target or all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;cve;help;add' {
            break
        }
        'relmgr;cve;help;link' {
            break
        }
        'relmgr;cve;help;list' {
            break
        }
        'relmgr;cve;help;help' {
            break
        }
        'relmgr;release' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List releases (of a project with its products, of a product, or all), by target and version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a release''s newest (or named) revision and its packages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;release;list' {
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Only releases in this stage')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only releases with a package in this channel')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only releases created at or after this time (RFC 3339 or YYYY-MM-DD)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N releases, the first in the list''s order (by target, then version)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;release;show' {
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'The revision to show, e.g. rc1 [default: the newest]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;release;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List releases (of a project with its products, of a product, or all), by target and version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a release''s newest (or named) revision and its packages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;release;help;list' {
            break
        }
        'relmgr;release;help;show' {
            break
        }
        'relmgr;release;help;help' {
            break
        }
        'relmgr;log' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events at or after this time (RFC 3339 or YYYY-MM-DD)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N events, the oldest first (with --since: the first N from that time on, a page)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'One event, by its seq or its hash (8 or more hex digits)')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'With --event: write event-SEQ.json (the signed bytes) and event-SEQ.json.asc into DIR')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;sync' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'In a clone without a store: create it, with this user as the clone''s user')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Fetch and merge only; do not push this clone''s events')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;completions' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;generate-docs' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user [default: $RELMGR_USER, else config.toml''s user]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (NO_COLOR is honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document on stdout (errors as a JSON document on stderr)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt (implied when stdin is not a terminal or $CI is set)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result, no status lines')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'relmgr;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a store (.relmgr/) in DIR; the user becomes its admin')
            [CompletionResult]::new('project', 'project', [CompletionResultType]::ParameterValue, 'Projects: create, list, show, edit')
            [CompletionResult]::new('product', 'product', [CompletionResultType]::ParameterValue, 'Products (sub-lines of a project): create, list, show, edit')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Users: add, edit, list, show, consent')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Roles: grant, revoke, list')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'OpenPGP keys: import, list, show, remove, export (KEYS), generate')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Vote policy: show, set, history')
            [CompletionResult]::new('stage', 'stage', [CompletionResultType]::ParameterValue, 'Stage files (or an external package) into a release''s draft revision')
            [CompletionResult]::new('unstage', 'unstage', [CompletionResultType]::ParameterValue, 'Remove a package from a draft revision')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign every package of a draft revision with your key')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Release checks: signatures, checksums, archives, LICENSE/NOTICE, headers, naming, layout')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify checksums and signatures of a release or of a directory')
            [CompletionResult]::new('vote', 'vote', [CompletionResultType]::ParameterValue, 'Votes: start, cast, status, close, import')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make a release with a passed vote current (distributing)')
            [CompletionResult]::new('announce', 'announce', [CompletionResultType]::ParameterValue, 'Render the [ANNOUNCE] mail and mark the release announced')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'The release mails: resend one that failed to send')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a release from any stage; its version stays blocked')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Write the dist tree with KEYS and a signed snapshot.json (pmc or rm)')
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Fetch the package bytes this store lacks from a directory or URL, verified (e.g. a clone)')
            [CompletionResult]::new('sbom', 'sbom', [CompletionResultType]::ParameterValue, 'A CycloneDX 1.6 or SPDX 2.3 SBOM of a release, reproducible')
            [CompletionResult]::new('fsck', 'fsck', [CompletionResultType]::ParameterValue, 'Check objects, checksums, signatures, the event chain and the derived files')
            [CompletionResult]::new('cve', 'cve', [CompletionResultType]::ParameterValue, 'CVEs: add, link, list')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Releases: list, show')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The audit events, oldest first')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Share the history through git: fetch, merge, bring the index up to date, push')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Write completions/ and man/ from the command definitions (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'relmgr;help;init' {
            break
        }
        'relmgr;help;project' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project (admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List projects')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one project')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a project''s metadata (pmc, rm or admin)')
            break
        }
        'relmgr;help;project;create' {
            break
        }
        'relmgr;help;project;list' {
            break
        }
        'relmgr;help;project;show' {
            break
        }
        'relmgr;help;project;edit' {
            break
        }
        'relmgr;help;product' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a product of a project (pmc, rm or admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List products, of one project or all')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one product')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a product''s metadata (pmc, rm or admin)')
            break
        }
        'relmgr;help;product;create' {
            break
        }
        'relmgr;help;product;list' {
            break
        }
        'relmgr;help;product;show' {
            break
        }
        'relmgr;help;product;edit' {
            break
        }
        'relmgr;help;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a user (admin, or pmc of a project)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Set a user''s name or email (themselves, admin, or pmc of a project)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and their roles')
            [CompletionResult]::new('consent', 'consent', [CompletionResultType]::ParameterValue, 'Record (grant) or withdraw (revoke) consent; revoke erases name and email')
            break
        }
        'relmgr;help;user;add' {
            break
        }
        'relmgr;help;user;edit' {
            break
        }
        'relmgr;help;user;list' {
            break
        }
        'relmgr;help;user;show' {
            break
        }
        'relmgr;help;user;consent' {
            break
        }
        'relmgr;help;role' {
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant a role: pmc, committer or rm on a project; admin or member on `store`')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a role')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles, of one project (or `store`) or all')
            break
        }
        'relmgr;help;role;grant' {
            break
        }
        'relmgr;help;role;revoke' {
            break
        }
        'relmgr;help;role;list' {
            break
        }
        'relmgr;help;key' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import certificates: armored or binary, keyrings, whole Apache KEYS files')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys with their status (valid, expired, revoked, retired)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key by fingerprint or long key id')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Retire a key: it still verifies old signatures but signs nothing new')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a registered key to another user (one imported for the wrong user, or for nobody)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write an Apache KEYS file of a project''s members (or of every owned key)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered')
            break
        }
        'relmgr;help;key;import' {
            break
        }
        'relmgr;help;key;list' {
            break
        }
        'relmgr;help;key;show' {
            break
        }
        'relmgr;help;key;remove' {
            break
        }
        'relmgr;help;key;assign' {
            break
        }
        'relmgr;help;key;export' {
            break
        }
        'relmgr;help;key;generate' {
            break
        }
        'relmgr;help;policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the vote policy in force for a project or product, and where each field comes from')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set fields of the vote policy (a new policy version; pmc, rm or admin)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Every version of a target''s own policy, with who set it and when')
            break
        }
        'relmgr;help;policy;show' {
            break
        }
        'relmgr;help;policy;set' {
            break
        }
        'relmgr;help;policy;history' {
            break
        }
        'relmgr;help;stage' {
            break
        }
        'relmgr;help;unstage' {
            break
        }
        'relmgr;help;sign' {
            break
        }
        'relmgr;help;check' {
            [CompletionResult]::new('ignore', 'ignore', [CompletionResultType]::ParameterValue, 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`')
            break
        }
        'relmgr;help;check;ignore' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Ignore findings matching PATTERN (recorded as an event)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a target''s ignores')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop ignoring PATTERN')
            break
        }
        'relmgr;help;check;ignore;add' {
            break
        }
        'relmgr;help;check;ignore;list' {
            break
        }
        'relmgr;help;check;ignore;remove' {
            break
        }
        'relmgr;help;verify' {
            break
        }
        'relmgr;help;vote' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail')
            [CompletionResult]::new('cast', 'cast', [CompletionResultType]::ParameterValue, 'Cast your vote: +1, 0 or -1 (your last vote counts)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Tallies, voters and the outcome')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close the vote (RM): the rule decides, or --confirm / --abandon')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Record the votes of a mailing-list thread (mbox): each sender''s last vote counts, and every message is listed with what was read from it')
            break
        }
        'relmgr;help;vote;start' {
            break
        }
        'relmgr;help;vote;cast' {
            break
        }
        'relmgr;help;vote;status' {
            break
        }
        'relmgr;help;vote;close' {
            break
        }
        'relmgr;help;vote;import' {
            break
        }
        'relmgr;help;promote' {
            break
        }
        'relmgr;help;announce' {
            break
        }
        'relmgr;help;mail' {
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail')
            break
        }
        'relmgr;help;mail;resend' {
            break
        }
        'relmgr;help;revoke' {
            break
        }
        'relmgr;help;publish' {
            break
        }
        'relmgr;help;fetch' {
            break
        }
        'relmgr;help;sbom' {
            break
        }
        'relmgr;help;fsck' {
            break
        }
        'relmgr;help;cve' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Record a CVE')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link a CVE to a project, product or release (TARGET[@VERSION])')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List CVEs, of one target or all')
            break
        }
        'relmgr;help;cve;add' {
            break
        }
        'relmgr;help;cve;link' {
            break
        }
        'relmgr;help;cve;list' {
            break
        }
        'relmgr;help;release' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List releases (of a project with its products, of a product, or all), by target and version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a release''s newest (or named) revision and its packages')
            break
        }
        'relmgr;help;release;list' {
            break
        }
        'relmgr;help;release;show' {
            break
        }
        'relmgr;help;log' {
            break
        }
        'relmgr;help;sync' {
            break
        }
        'relmgr;help;completions' {
            break
        }
        'relmgr;help;generate-docs' {
            break
        }
        'relmgr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
