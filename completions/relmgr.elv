
use builtin;
use str;

set edit:completion:arg-completer[relmgr] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'relmgr'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'relmgr'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a store (.relmgr/) in DIR; the user becomes its admin'
            cand project 'Projects: create, list, show, edit'
            cand product 'Products (sub-lines of a project): create, list, show, edit'
            cand user 'Users: add, edit, list, show, consent'
            cand role 'Roles: grant, revoke, list'
            cand key 'OpenPGP keys: import, list, show, remove, export (KEYS), generate'
            cand policy 'Vote policy: show, set, history'
            cand stage 'Stage files (or an external package) into a release''s draft revision'
            cand unstage 'Remove a package from a draft revision'
            cand sign 'Sign every package of a draft revision with your key'
            cand check 'Release checks: signatures, checksums, archives, LICENSE/NOTICE, headers, naming, layout'
            cand verify 'Verify checksums and signatures of a release or of a directory'
            cand vote 'Votes: start, cast, status, close, import'
            cand promote 'Make a release with a passed vote current (distributing)'
            cand announce 'Render the [ANNOUNCE] mail and mark the release announced'
            cand mail 'The release mails: resend one that failed to send'
            cand revoke 'Revoke a release from any stage; its version stays blocked'
            cand publish 'Write the dist tree with KEYS and a signed snapshot.json (pmc or rm)'
            cand fetch 'Fetch the package bytes this store lacks from a directory or URL, verified (e.g. a clone)'
            cand sbom 'A CycloneDX 1.6 or SPDX 2.3 SBOM of a release, reproducible'
            cand fsck 'Check objects, checksums, signatures, the event chain and the derived files'
            cand cve 'CVEs: add, link, list'
            cand release 'Releases: list, show'
            cand log 'The audit events, oldest first'
            cand sync 'Share the history through git: fetch, merge, bring the index up to date, push'
            cand completions 'Print a shell completion script'
            cand generate-docs 'Write completions/ and man/ from the command definitions (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;init'= {
            cand --user 'The first user, who becomes the store''s admin'
            cand --name 'The user''s display name'
            cand --email 'The user''s email'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;project'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a project (admin)'
            cand list 'List projects'
            cand show 'Show one project'
            cand edit 'Change a project''s metadata (pmc, rm or admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;project;create'= {
            cand --description 'One-paragraph description'
            cand --homepage 'Homepage URL (http or https)'
            cand --source 'Source repository URL'
            cand --license 'License as an SPDX expression, e.g. Apache-2.0'
            cand --support 'Support (issues, mailing list) URL'
            cand --notify 'Email to notify of votes and announcements (repeatable; replaces the list on edit)'
            cand --header-license 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]'
            cand --name 'Display name'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;project;list'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;project;show'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;project;edit'= {
            cand --name 'Display name'
            cand --description 'One-paragraph description'
            cand --homepage 'Homepage URL (http or https)'
            cand --source 'Source repository URL'
            cand --license 'License as an SPDX expression, e.g. Apache-2.0'
            cand --support 'Support (issues, mailing list) URL'
            cand --notify 'Email to notify of votes and announcements (repeatable; replaces the list on edit)'
            cand --header-license 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;project;help'= {
            cand create 'Create a project (admin)'
            cand list 'List projects'
            cand show 'Show one project'
            cand edit 'Change a project''s metadata (pmc, rm or admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;project;help;create'= {
        }
        &'relmgr;project;help;list'= {
        }
        &'relmgr;project;help;show'= {
        }
        &'relmgr;project;help;edit'= {
        }
        &'relmgr;project;help;help'= {
        }
        &'relmgr;product'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a product of a project (pmc, rm or admin)'
            cand list 'List products, of one project or all'
            cand show 'Show one product'
            cand edit 'Change a product''s metadata (pmc, rm or admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;product;create'= {
            cand --description 'One-paragraph description'
            cand --homepage 'Homepage URL (http or https)'
            cand --source 'Source repository URL'
            cand --license 'License as an SPDX expression, e.g. Apache-2.0'
            cand --support 'Support (issues, mailing list) URL'
            cand --notify 'Email to notify of votes and announcements (repeatable; replaces the list on edit)'
            cand --header-license 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]'
            cand --name 'Display name'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;product;list'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;product;show'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;product;edit'= {
            cand --name 'Display name'
            cand --description 'One-paragraph description'
            cand --homepage 'Homepage URL (http or https)'
            cand --source 'Source repository URL'
            cand --license 'License as an SPDX expression, e.g. Apache-2.0'
            cand --support 'Support (issues, mailing list) URL'
            cand --notify 'Email to notify of votes and announcements (repeatable; replaces the list on edit)'
            cand --header-license 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;product;help'= {
            cand create 'Create a product of a project (pmc, rm or admin)'
            cand list 'List products, of one project or all'
            cand show 'Show one product'
            cand edit 'Change a product''s metadata (pmc, rm or admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;product;help;create'= {
        }
        &'relmgr;product;help;list'= {
        }
        &'relmgr;product;help;show'= {
        }
        &'relmgr;product;help;edit'= {
        }
        &'relmgr;product;help;help'= {
        }
        &'relmgr;user'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a user (admin, or pmc of a project)'
            cand edit 'Set a user''s name or email (themselves, admin, or pmc of a project)'
            cand list 'List users'
            cand show 'Show one user and their roles'
            cand consent 'Record (grant) or withdraw (revoke) consent; revoke erases name and email'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;user;add'= {
            cand --name 'Display name (kept only with --consent unless the user becomes committer or PMC)'
            cand --email 'Email (kept only with --consent unless the user becomes committer or PMC)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --service 'A service account (a CI bot) rather than a person'
            cand --consent 'The user agreed that their name and email are kept'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;user;edit'= {
            cand --name 'The user''s display name (personal data: kept with a role or consent)'
            cand --email 'The user''s email address (personal data: kept with a role or consent)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;user;list'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;user;show'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;user;consent'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;user;help'= {
            cand add 'Add a user (admin, or pmc of a project)'
            cand edit 'Set a user''s name or email (themselves, admin, or pmc of a project)'
            cand list 'List users'
            cand show 'Show one user and their roles'
            cand consent 'Record (grant) or withdraw (revoke) consent; revoke erases name and email'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;user;help;add'= {
        }
        &'relmgr;user;help;edit'= {
        }
        &'relmgr;user;help;list'= {
        }
        &'relmgr;user;help;show'= {
        }
        &'relmgr;user;help;consent'= {
        }
        &'relmgr;user;help;help'= {
        }
        &'relmgr;role'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand grant 'Grant a role: pmc, committer or rm on a project; admin or member on `store`'
            cand revoke 'Revoke a role'
            cand list 'List roles, of one project (or `store`) or all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;role;grant'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;role;revoke'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;role;list'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;role;help'= {
            cand grant 'Grant a role: pmc, committer or rm on a project; admin or member on `store`'
            cand revoke 'Revoke a role'
            cand list 'List roles, of one project (or `store`) or all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;role;help;grant'= {
        }
        &'relmgr;role;help;revoke'= {
        }
        &'relmgr;role;help;list'= {
        }
        &'relmgr;role;help;help'= {
        }
        &'relmgr;key'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand import 'Import certificates: armored or binary, keyrings, whole Apache KEYS files'
            cand list 'List keys with their status (valid, expired, revoked, retired)'
            cand show 'Show one key by fingerprint or long key id'
            cand remove 'Retire a key: it still verifies old signatures but signs nothing new'
            cand assign 'Give a registered key to another user (one imported for the wrong user, or for nobody)'
            cand export 'Write an Apache KEYS file of a project''s members (or of every owned key)'
            cand generate 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;key;import'= {
            cand --user 'The user who owns the keys [default: the one user whose email is in a key''s user IDs; with none or several, the key has no owner and only verifies]. With several keys, only those whose user IDs match the user (by email, else by name) are imported (none: refused)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'relmgr;key;list'= {
            cand --user 'The user''s id'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;key;show'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;key;remove'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;key;assign'= {
            cand --user 'The user who owns the key from now on'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'relmgr;key;export'= {
            cand -o 'Write to FILE instead of stdout'
            cand --output 'Write to FILE instead of stdout'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;key;generate'= {
            cand --user 'The user''s id'
            cand -o 'Where to write the armored secret key (mode 0600; protected by the passphrase in $RELMGR_PASSPHRASE_FILE if set)'
            cand --output 'Where to write the armored secret key (mode 0600; protected by the passphrase in $RELMGR_PASSPHRASE_FILE if set)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;key;help'= {
            cand import 'Import certificates: armored or binary, keyrings, whole Apache KEYS files'
            cand list 'List keys with their status (valid, expired, revoked, retired)'
            cand show 'Show one key by fingerprint or long key id'
            cand remove 'Retire a key: it still verifies old signatures but signs nothing new'
            cand assign 'Give a registered key to another user (one imported for the wrong user, or for nobody)'
            cand export 'Write an Apache KEYS file of a project''s members (or of every owned key)'
            cand generate 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;key;help;import'= {
        }
        &'relmgr;key;help;list'= {
        }
        &'relmgr;key;help;show'= {
        }
        &'relmgr;key;help;remove'= {
        }
        &'relmgr;key;help;assign'= {
        }
        &'relmgr;key;help;export'= {
        }
        &'relmgr;key;help;generate'= {
        }
        &'relmgr;key;help;help'= {
        }
        &'relmgr;policy'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Show the vote policy in force for a project or product, and where each field comes from'
            cand set 'Set fields of the vote policy (a new policy version; pmc, rm or admin)'
            cand history 'Every version of a target''s own policy, with who set it and when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;policy;show'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;policy;set'= {
            cand --min-hours 'Minimum hours a vote stays open (0: it may close as soon as the rule holds)'
            cand --manual 'Record votes but let the RM decide (true/false)'
            cand --pause-on-veto 'A passing vote with any -1 waits for the RM to confirm or abandon it (true/false)'
            cand --checklist 'A markdown file shown to voters as the checklist'
            cand --signed-events 'Which events must be signed by their actor''s key: none, binding (votes, closes, roles, keys, policy, promote, revoke, publish) or all'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --clear-checklist 'Remove the checklist'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;policy;history'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;policy;help'= {
            cand show 'Show the vote policy in force for a project or product, and where each field comes from'
            cand set 'Set fields of the vote policy (a new policy version; pmc, rm or admin)'
            cand history 'Every version of a target''s own policy, with who set it and when'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;policy;help;show'= {
        }
        &'relmgr;policy;help;set'= {
        }
        &'relmgr;policy;help;history'= {
        }
        &'relmgr;policy;help;help'= {
        }
        &'relmgr;stage'= {
            cand --platform 'Platform of these packages (linux, windows, macos, any, …)'
            cand --arch 'CPU architecture (x64, arm64, …)'
            cand --channel 'Channel (stable, beta, …)'
            cand --sign 'Sign each file with this secret key while staging (one read per file)'
            cand --external 'Stage an external package: its https:// or oci:// URL'
            cand --sha256 'The external package''s SHA-256 (64 hex digits)'
            cand --size 'The external package''s size in bytes'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --source 'Check these packages as source archives (LICENSE, NOTICE, compiled files, headers)'
            cand --binary 'Check these packages as binary distributions (no source checks), whatever their content'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;unstage'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;sign'= {
            cand --key 'Your secret key (passphrase: $RELMGR_PASSPHRASE_FILE, else a prompt)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;check'= {
            cand --revision 'The revision to use, rcN [default: the newest]'
            cand --dir 'Check a downloaded candidate instead: packages with .asc and .sha512 (no store needed)'
            cand --keys 'The KEYS file to check signatures with [default: DIR/KEYS]'
            cand --git 'Compare each source archive with this tag or commit of the git repository around the store (or the current directory, with --dir): files only in one, or different'
            cand --source 'With --dir: check packages matching GLOB as source archives (repeatable)'
            cand --binary 'With --dir: packages matching GLOB are not source archives (repeatable)'
            cand --license 'With --dir: the project''s license, an SPDX expression (e.g. MIT) [default: Apache-2.0 rules]'
            cand --ignore-file 'With --dir: paths the header check leaves out, one pattern a line (RAT''s --input-exclude-file format; a source tree''s own .rat-excludes is read too)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --strict 'Warnings fail too (exit 3)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand ignore 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;check;ignore'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Ignore findings matching PATTERN (recorded as an event)'
            cand list 'List a target''s ignores'
            cand remove 'Stop ignoring PATTERN'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;check;ignore;add'= {
            cand --reason 'Why the finding is acceptable'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;check;ignore;list'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;check;ignore;remove'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;check;ignore;help'= {
            cand add 'Ignore findings matching PATTERN (recorded as an event)'
            cand list 'List a target''s ignores'
            cand remove 'Stop ignoring PATTERN'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;check;ignore;help;add'= {
        }
        &'relmgr;check;ignore;help;list'= {
        }
        &'relmgr;check;ignore;help;remove'= {
        }
        &'relmgr;check;ignore;help;help'= {
        }
        &'relmgr;check;help'= {
            cand ignore 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;check;help;ignore'= {
            cand add 'Ignore findings matching PATTERN (recorded as an event)'
            cand list 'List a target''s ignores'
            cand remove 'Stop ignoring PATTERN'
        }
        &'relmgr;check;help;ignore;add'= {
        }
        &'relmgr;check;help;ignore;list'= {
        }
        &'relmgr;check;help;ignore;remove'= {
        }
        &'relmgr;check;help;help'= {
        }
        &'relmgr;verify'= {
            cand --revision 'The revision to verify [default: the newest]'
            cand --dir 'Verify a directory of packages instead (e.g. a download, or a published tree: every file must be listed by its unexpired snapshot.json)'
            cand --keys 'A KEYS file to verify signatures with [default: DIR/KEYS, else the store''s keys]; without a store, the snapshot versions seen are kept beside it in KEYS.seen.json'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;vote'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand start 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail'
            cand cast 'Cast your vote: +1, 0 or -1 (your last vote counts)'
            cand status 'Tallies, voters and the outcome'
            cand close 'Close the vote (RM): the rule decides, or --confirm / --abandon'
            cand import 'Record the votes of a mailing-list thread (mbox): each sender''s last vote counts, and every message is listed with what was read from it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;vote;start'= {
            cand --hours 'Keep the vote open this many hours (at least the policy''s min_hours)'
            cand --vote 'Cast your own vote at once (+1, 0 or -1)'
            cand --acknowledge 'Start despite a failing release check of this id (recorded with the vote)'
            cand --candidates-url 'Where voters download the candidate (an http(s) URL, e.g. the dist/dev directory that `publish --candidates` fills); the [VOTE] mail gives it, and --send needs it'
            cand -o 'Write the mail to FILE instead of stdout'
            cand --output 'Write the mail to FILE instead of stdout'
            cand --to 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --send 'Also send the mail over SMTP ([smtp] in config.toml) to the project''s notify emails'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;vote;cast'= {
            cand --comment 'A comment shown beside the vote'
            cand --sign 'Sign the vote with your own registered key'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;vote;status'= {
            cand --revision 'The revision to use, rcN [default: the newest]'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;vote;close'= {
            cand --to 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --confirm 'Confirm a vote awaiting confirmation (or a manual one): it passes'
            cand --abandon 'Abandon the vote: the release stays a candidate for a new revision'
            cand --accept-review 'Close even though messages of the thread still need review (they stay uncounted)'
            cand --send 'Also send the mail over SMTP ([smtp] in config.toml) to the project''s notify emails'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;vote;import'= {
            cand --set 'Record the vote of a message that needs review, by its id: MSGID=+1, =0 or =-1'
            cand --ignore 'Record that a message that needs review gives no vote, by its id'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --review 'Decide each message that needs review on the terminal (+1, 0, -1 or none)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;vote;help'= {
            cand start 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail'
            cand cast 'Cast your vote: +1, 0 or -1 (your last vote counts)'
            cand status 'Tallies, voters and the outcome'
            cand close 'Close the vote (RM): the rule decides, or --confirm / --abandon'
            cand import 'Record the votes of a mailing-list thread (mbox): each sender''s last vote counts, and every message is listed with what was read from it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;vote;help;start'= {
        }
        &'relmgr;vote;help;cast'= {
        }
        &'relmgr;vote;help;status'= {
        }
        &'relmgr;vote;help;close'= {
        }
        &'relmgr;vote;help;import'= {
        }
        &'relmgr;vote;help;help'= {
        }
        &'relmgr;promote'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --archive-prior 'Archive the target''s earlier current releases (they stay listed in the snapshot)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;announce'= {
            cand --template 'A template with {name} {version} {release} {packages} {download} {keys} {cves} {description} {actor}'
            cand -o 'Write the mail to FILE instead of stdout'
            cand --output 'Write the mail to FILE instead of stdout'
            cand --to 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --send 'Also send the mail over SMTP ([smtp] in config.toml) to the project''s notify emails'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;mail'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand resend 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;mail;resend'= {
            cand --to 'Send to ADDRESS instead of the project''s notify emails (repeatable, or comma-separated)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;mail;help'= {
            cand resend 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;mail;help;resend'= {
        }
        &'relmgr;mail;help;help'= {
        }
        &'relmgr;revoke'= {
            cand --reason 'Why, for the snapshot and the log'
            cand --cve 'A CVE this revocation is about (repeatable; it must have been added)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;publish'= {
            cand --key 'Your secret key, to sign snapshot.json'
            cand --expires-days 'How many days the snapshot stays valid'
            cand --base-url 'Make the download pages'' package links absolute under URL (a mirror network)'
            cand --canonical-url 'Make the pages'' .asc, .sha512 and KEYS links absolute under URL (the canonical site)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --candidates 'Write the revisions under vote to DIR/<target>/<version>-<rcN>/ (packages, .asc, .sha512, KEYS) for voters to check and fetch, instead of the dist tree'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;fetch'= {
            cand --revision 'The revision whose packages to fetch [default: the newest]'
            cand --from 'Where the bytes are: a directory (a download, a `publish --candidates` or `publish` tree, another store''s releases/) or an http(s):// base URL of one'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;sbom'= {
            cand --format 'cyclonedx or spdx'
            cand --revision 'The revision to describe [default: the released one, else the newest]'
            cand -o 'Write to FILE instead of stdout'
            cand --output 'Write to FILE instead of stdout'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;fsck'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --repair 'Remove leftovers of interrupted runs and rebuild the releases/ tree and keys/'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;cve'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Record a CVE'
            cand link 'Link a CVE to a project, product or release (TARGET[@VERSION])'
            cand list 'List CVEs, of one target or all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;cve;add'= {
            cand --title 'The CVE''s title'
            cand --date 'Publication date, YYYY-MM-DD'
            cand --severity 'critical, high, medium, low, info, none, unknown'
            cand --state 'resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;cve;link'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;cve;list'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;cve;help'= {
            cand add 'Record a CVE'
            cand link 'Link a CVE to a project, product or release (TARGET[@VERSION])'
            cand list 'List CVEs, of one target or all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;cve;help;add'= {
        }
        &'relmgr;cve;help;link'= {
        }
        &'relmgr;cve;help;list'= {
        }
        &'relmgr;cve;help;help'= {
        }
        &'relmgr;release'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List releases (of a project with its products, of a product, or all), by target and version'
            cand show 'Show a release''s newest (or named) revision and its packages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;release;list'= {
            cand --stage 'Only releases in this stage'
            cand --channel 'Only releases with a package in this channel'
            cand --since 'Only releases created at or after this time (RFC 3339 or YYYY-MM-DD)'
            cand --limit 'At most N releases, the first in the list''s order (by target, then version)'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;release;show'= {
            cand --revision 'The revision to show, e.g. rc1 [default: the newest]'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;release;help'= {
            cand list 'List releases (of a project with its products, of a product, or all), by target and version'
            cand show 'Show a release''s newest (or named) revision and its packages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;release;help;list'= {
        }
        &'relmgr;release;help;show'= {
        }
        &'relmgr;release;help;help'= {
        }
        &'relmgr;log'= {
            cand --since 'Only events at or after this time (RFC 3339 or YYYY-MM-DD)'
            cand --limit 'At most N events, the oldest first (with --since: the first N from that time on, a page)'
            cand --event 'One event, by its seq or its hash (8 or more hex digits)'
            cand --export 'With --event: write event-SEQ.json (the signed bytes) and event-SEQ.json.asc into DIR'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;sync'= {
            cand --user 'In a clone without a store: create it, with this user as the clone''s user'
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --no-push 'Fetch and merge only; do not push this clone''s events'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;completions'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;generate-docs'= {
            cand --store 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]'
            cand --as 'Act as this user [default: $RELMGR_USER, else config.toml''s user]'
            cand --color 'When to colour the output (NO_COLOR is honoured with auto)'
            cand --json 'Print one JSON document on stdout (errors as a JSON document on stderr)'
            cand -y 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand --yes 'Never prompt (implied when stdin is not a terminal or $CI is set)'
            cand -q 'Print only the result, no status lines'
            cand --quiet 'Print only the result, no status lines'
            cand -v 'Print more detail on stderr'
            cand --verbose 'Print more detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'relmgr;help'= {
            cand init 'Create a store (.relmgr/) in DIR; the user becomes its admin'
            cand project 'Projects: create, list, show, edit'
            cand product 'Products (sub-lines of a project): create, list, show, edit'
            cand user 'Users: add, edit, list, show, consent'
            cand role 'Roles: grant, revoke, list'
            cand key 'OpenPGP keys: import, list, show, remove, export (KEYS), generate'
            cand policy 'Vote policy: show, set, history'
            cand stage 'Stage files (or an external package) into a release''s draft revision'
            cand unstage 'Remove a package from a draft revision'
            cand sign 'Sign every package of a draft revision with your key'
            cand check 'Release checks: signatures, checksums, archives, LICENSE/NOTICE, headers, naming, layout'
            cand verify 'Verify checksums and signatures of a release or of a directory'
            cand vote 'Votes: start, cast, status, close, import'
            cand promote 'Make a release with a passed vote current (distributing)'
            cand announce 'Render the [ANNOUNCE] mail and mark the release announced'
            cand mail 'The release mails: resend one that failed to send'
            cand revoke 'Revoke a release from any stage; its version stays blocked'
            cand publish 'Write the dist tree with KEYS and a signed snapshot.json (pmc or rm)'
            cand fetch 'Fetch the package bytes this store lacks from a directory or URL, verified (e.g. a clone)'
            cand sbom 'A CycloneDX 1.6 or SPDX 2.3 SBOM of a release, reproducible'
            cand fsck 'Check objects, checksums, signatures, the event chain and the derived files'
            cand cve 'CVEs: add, link, list'
            cand release 'Releases: list, show'
            cand log 'The audit events, oldest first'
            cand sync 'Share the history through git: fetch, merge, bring the index up to date, push'
            cand completions 'Print a shell completion script'
            cand generate-docs 'Write completions/ and man/ from the command definitions (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'relmgr;help;init'= {
        }
        &'relmgr;help;project'= {
            cand create 'Create a project (admin)'
            cand list 'List projects'
            cand show 'Show one project'
            cand edit 'Change a project''s metadata (pmc, rm or admin)'
        }
        &'relmgr;help;project;create'= {
        }
        &'relmgr;help;project;list'= {
        }
        &'relmgr;help;project;show'= {
        }
        &'relmgr;help;project;edit'= {
        }
        &'relmgr;help;product'= {
            cand create 'Create a product of a project (pmc, rm or admin)'
            cand list 'List products, of one project or all'
            cand show 'Show one product'
            cand edit 'Change a product''s metadata (pmc, rm or admin)'
        }
        &'relmgr;help;product;create'= {
        }
        &'relmgr;help;product;list'= {
        }
        &'relmgr;help;product;show'= {
        }
        &'relmgr;help;product;edit'= {
        }
        &'relmgr;help;user'= {
            cand add 'Add a user (admin, or pmc of a project)'
            cand edit 'Set a user''s name or email (themselves, admin, or pmc of a project)'
            cand list 'List users'
            cand show 'Show one user and their roles'
            cand consent 'Record (grant) or withdraw (revoke) consent; revoke erases name and email'
        }
        &'relmgr;help;user;add'= {
        }
        &'relmgr;help;user;edit'= {
        }
        &'relmgr;help;user;list'= {
        }
        &'relmgr;help;user;show'= {
        }
        &'relmgr;help;user;consent'= {
        }
        &'relmgr;help;role'= {
            cand grant 'Grant a role: pmc, committer or rm on a project; admin or member on `store`'
            cand revoke 'Revoke a role'
            cand list 'List roles, of one project (or `store`) or all'
        }
        &'relmgr;help;role;grant'= {
        }
        &'relmgr;help;role;revoke'= {
        }
        &'relmgr;help;role;list'= {
        }
        &'relmgr;help;key'= {
            cand import 'Import certificates: armored or binary, keyrings, whole Apache KEYS files'
            cand list 'List keys with their status (valid, expired, revoked, retired)'
            cand show 'Show one key by fingerprint or long key id'
            cand remove 'Retire a key: it still verifies old signatures but signs nothing new'
            cand assign 'Give a registered key to another user (one imported for the wrong user, or for nobody)'
            cand export 'Write an Apache KEYS file of a project''s members (or of every owned key)'
            cand generate 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered'
        }
        &'relmgr;help;key;import'= {
        }
        &'relmgr;help;key;list'= {
        }
        &'relmgr;help;key;show'= {
        }
        &'relmgr;help;key;remove'= {
        }
        &'relmgr;help;key;assign'= {
        }
        &'relmgr;help;key;export'= {
        }
        &'relmgr;help;key;generate'= {
        }
        &'relmgr;help;policy'= {
            cand show 'Show the vote policy in force for a project or product, and where each field comes from'
            cand set 'Set fields of the vote policy (a new policy version; pmc, rm or admin)'
            cand history 'Every version of a target''s own policy, with who set it and when'
        }
        &'relmgr;help;policy;show'= {
        }
        &'relmgr;help;policy;set'= {
        }
        &'relmgr;help;policy;history'= {
        }
        &'relmgr;help;stage'= {
        }
        &'relmgr;help;unstage'= {
        }
        &'relmgr;help;sign'= {
        }
        &'relmgr;help;check'= {
            cand ignore 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`'
        }
        &'relmgr;help;check;ignore'= {
            cand add 'Ignore findings matching PATTERN (recorded as an event)'
            cand list 'List a target''s ignores'
            cand remove 'Stop ignoring PATTERN'
        }
        &'relmgr;help;check;ignore;add'= {
        }
        &'relmgr;help;check;ignore;list'= {
        }
        &'relmgr;help;check;ignore;remove'= {
        }
        &'relmgr;help;verify'= {
        }
        &'relmgr;help;vote'= {
            cand start 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail'
            cand cast 'Cast your vote: +1, 0 or -1 (your last vote counts)'
            cand status 'Tallies, voters and the outcome'
            cand close 'Close the vote (RM): the rule decides, or --confirm / --abandon'
            cand import 'Record the votes of a mailing-list thread (mbox): each sender''s last vote counts, and every message is listed with what was read from it'
        }
        &'relmgr;help;vote;start'= {
        }
        &'relmgr;help;vote;cast'= {
        }
        &'relmgr;help;vote;status'= {
        }
        &'relmgr;help;vote;close'= {
        }
        &'relmgr;help;vote;import'= {
        }
        &'relmgr;help;promote'= {
        }
        &'relmgr;help;announce'= {
        }
        &'relmgr;help;mail'= {
            cand resend 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail'
        }
        &'relmgr;help;mail;resend'= {
        }
        &'relmgr;help;revoke'= {
        }
        &'relmgr;help;publish'= {
        }
        &'relmgr;help;fetch'= {
        }
        &'relmgr;help;sbom'= {
        }
        &'relmgr;help;fsck'= {
        }
        &'relmgr;help;cve'= {
            cand add 'Record a CVE'
            cand link 'Link a CVE to a project, product or release (TARGET[@VERSION])'
            cand list 'List CVEs, of one target or all'
        }
        &'relmgr;help;cve;add'= {
        }
        &'relmgr;help;cve;link'= {
        }
        &'relmgr;help;cve;list'= {
        }
        &'relmgr;help;release'= {
            cand list 'List releases (of a project with its products, of a product, or all), by target and version'
            cand show 'Show a release''s newest (or named) revision and its packages'
        }
        &'relmgr;help;release;list'= {
        }
        &'relmgr;help;release;show'= {
        }
        &'relmgr;help;log'= {
        }
        &'relmgr;help;sync'= {
        }
        &'relmgr;help;completions'= {
        }
        &'relmgr;help;generate-docs'= {
        }
        &'relmgr;help;help'= {
        }
    ]
    $completions[$command]
}
