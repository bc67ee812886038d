# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_relmgr_global_optspecs
    string join \n store= as= json y/yes q/quiet v/verbose color= h/help V/version
end

function __fish_relmgr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_relmgr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_relmgr_using_subcommand
    set -l cmd (__fish_relmgr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c relmgr -n "__fish_relmgr_needs_command" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_needs_command" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_needs_command" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_needs_command" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_needs_command" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_needs_command" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_needs_command" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_needs_command" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_needs_command" -s V -l version -d 'Print version'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "init" -d 'Create a store (.relmgr/) in DIR; the user becomes its admin'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "project" -d 'Projects: create, list, show, edit'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "product" -d 'Products (sub-lines of a project): create, list, show, edit'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "user" -d 'Users: add, edit, list, show, consent'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "role" -d 'Roles: grant, revoke, list'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "key" -d 'OpenPGP keys: import, list, show, remove, export (KEYS), generate'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "policy" -d 'Vote policy: show, set, history'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "stage" -d 'Stage files (or an external package) into a release\'s draft revision'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "unstage" -d 'Remove a package from a draft revision'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "sign" -d 'Sign every package of a draft revision with your key'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "check" -d 'Release checks: signatures, checksums, archives, LICENSE/NOTICE, headers, naming, layout'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "verify" -d 'Verify checksums and signatures of a release or of a directory'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "vote" -d 'Votes: start, cast, status, close, import'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "promote" -d 'Make a release with a passed vote current (distributing)'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "announce" -d 'Render the [ANNOUNCE] mail and mark the release announced'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "mail" -d 'The release mails: resend one that failed to send'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "revoke" -d 'Revoke a release from any stage; its version stays blocked'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "publish" -d 'Write the dist tree with KEYS and a signed snapshot.json (pmc or rm)'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "fetch" -d 'Fetch the package bytes this store lacks from a directory or URL, verified (e.g. a clone)'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "sbom" -d 'A CycloneDX 1.6 or SPDX 2.3 SBOM of a release, reproducible'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "fsck" -d 'Check objects, checksums, signatures, the event chain and the derived files'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "cve" -d 'CVEs: add, link, list'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "release" -d 'Releases: list, show'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "log" -d 'The audit events, oldest first'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "sync" -d 'Share the history through git: fetch, merge, bring the index up to date, push'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "generate-docs" -d 'Write completions/ and man/ from the command definitions (for maintainers)'
complete -c relmgr -n "__fish_relmgr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -l user -d 'The first user, who becomes the store\'s admin' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -l name -d 'The user\'s display name' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -l email -d 'The user\'s email' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand init" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -f -a "create" -d 'Create a project (admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -f -a "list" -d 'List projects'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -f -a "show" -d 'Show one project'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -f -a "edit" -d 'Change a project\'s metadata (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and not __fish_seen_subcommand_from create list show edit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l description -d 'One-paragraph description' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l homepage -d 'Homepage URL (http or https)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l source -d 'Source repository URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l license -d 'License as an SPDX expression, e.g. Apache-2.0' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l support -d 'Support (issues, mailing list) URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l notify -d 'Email to notify of votes and announcements (repeatable; replaces the list on edit)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l header-license -d 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l name -d 'Display name' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from list" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from list" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from show" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from show" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l name -d 'Display name' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l description -d 'One-paragraph description' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l homepage -d 'Homepage URL (http or https)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l source -d 'Source repository URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l license -d 'License as an SPDX expression, e.g. Apache-2.0' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l support -d 'Support (issues, mailing list) URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l notify -d 'Email to notify of votes and announcements (repeatable; replaces the list on edit)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l header-license -d 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a project (admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "list" -d 'List projects'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one project'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a project\'s metadata (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand project; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -f -a "create" -d 'Create a product of a project (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -f -a "list" -d 'List products, of one project or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -f -a "show" -d 'Show one product'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -f -a "edit" -d 'Change a product\'s metadata (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and not __fish_seen_subcommand_from create list show edit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l description -d 'One-paragraph description' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l homepage -d 'Homepage URL (http or https)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l source -d 'Source repository URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l license -d 'License as an SPDX expression, e.g. Apache-2.0' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l support -d 'Support (issues, mailing list) URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l notify -d 'Email to notify of votes and announcements (repeatable; replaces the list on edit)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l header-license -d 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l name -d 'Display name' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from list" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from list" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from show" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from show" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l name -d 'Display name' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l description -d 'One-paragraph description' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l homepage -d 'Homepage URL (http or https)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l source -d 'Source repository URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l license -d 'License as an SPDX expression, e.g. Apache-2.0' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l support -d 'Support (issues, mailing list) URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l notify -d 'Email to notify of votes and announcements (repeatable; replaces the list on edit)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l header-license -d 'SPDX id accepted in file headers by `check` (repeatable; replaces the list; "" clears it) [default: the ids of --license]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a product of a project (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from help" -f -a "list" -d 'List products, of one project or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one product'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a product\'s metadata (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand product; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -f -a "add" -d 'Add a user (admin, or pmc of a project)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -f -a "edit" -d 'Set a user\'s name or email (themselves, admin, or pmc of a project)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -f -a "list" -d 'List users'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -f -a "show" -d 'Show one user and their roles'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -f -a "consent" -d 'Record (grant) or withdraw (revoke) consent; revoke erases name and email'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and not __fish_seen_subcommand_from add edit list show consent help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -l name -d 'Display name (kept only with --consent unless the user becomes committer or PMC)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -l email -d 'Email (kept only with --consent unless the user becomes committer or PMC)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -l service -d 'A service account (a CI bot) rather than a person'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -l consent -d 'The user agreed that their name and email are kept'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -l name -d 'The user\'s display name (personal data: kept with a role or consent)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -l email -d 'The user\'s email address (personal data: kept with a role or consent)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from list" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from list" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from show" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from show" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from consent" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from consent" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from consent" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from consent" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from consent" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from consent" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from consent" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from consent" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a user (admin, or pmc of a project)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Set a user\'s name or email (themselves, admin, or pmc of a project)'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one user and their roles'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "consent" -d 'Record (grant) or withdraw (revoke) consent; revoke erases name and email'
complete -c relmgr -n "__fish_relmgr_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -f -a "grant" -d 'Grant a role: pmc, committer or rm on a project; admin or member on `store`'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -f -a "revoke" -d 'Revoke a role'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -f -a "list" -d 'List roles, of one project (or `store`) or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from grant" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from grant" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from grant" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from grant" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from grant" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from revoke" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from revoke" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from revoke" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from revoke" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from list" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from list" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Grant a role: pmc, committer or rm on a project; admin or member on `store`'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a role'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "list" -d 'List roles, of one project (or `store`) or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -f -a "import" -d 'Import certificates: armored or binary, keyrings, whole Apache KEYS files'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -f -a "list" -d 'List keys with their status (valid, expired, revoked, retired)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -f -a "show" -d 'Show one key by fingerprint or long key id'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -f -a "remove" -d 'Retire a key: it still verifies old signatures but signs nothing new'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -f -a "assign" -d 'Give a registered key to another user (one imported for the wrong user, or for nobody)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -f -a "export" -d 'Write an Apache KEYS file of a project\'s members (or of every owned key)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -f -a "generate" -d 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and not __fish_seen_subcommand_from import list show remove assign export generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -l user -d 'The user who owns the keys [default: the one user whose email is in a key\'s user IDs; with none or several, the key has no owner and only verifies]. With several keys, only those whose user IDs match the user (by email, else by name) are imported (none: refused)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -l user -d 'The user\'s id' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from show" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from show" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from remove" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from remove" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from remove" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -l user -d 'The user who owns the key from now on' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to FILE instead of stdout' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -l user -d 'The user\'s id' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -s o -l output -d 'Where to write the armored secret key (mode 0600; protected by the passphrase in $RELMGR_PASSPHRASE_FILE if set)' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import certificates: armored or binary, keyrings, whole Apache KEYS files'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list" -d 'List keys with their status (valid, expired, revoked, retired)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one key by fingerprint or long key id'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Retire a key: it still verifies old signatures but signs nothing new'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Give a registered key to another user (one imported for the wrong user, or for nobody)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write an Apache KEYS file of a project\'s members (or of every owned key)'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered'
complete -c relmgr -n "__fish_relmgr_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -f -a "show" -d 'Show the vote policy in force for a project or product, and where each field comes from'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -f -a "set" -d 'Set fields of the vote policy (a new policy version; pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -f -a "history" -d 'Every version of a target\'s own policy, with who set it and when'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and not __fish_seen_subcommand_from show set history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from show" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from show" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l min-hours -d 'Minimum hours a vote stays open (0: it may close as soon as the rule holds)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l manual -d 'Record votes but let the RM decide (true/false)' -r -f -a "true\t''
false\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l pause-on-veto -d 'A passing vote with any -1 waits for the RM to confirm or abandon it (true/false)' -r -f -a "true\t''
false\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l checklist -d 'A markdown file shown to voters as the checklist' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l signed-events -d 'Which events must be signed by their actor\'s key: none, binding (votes, closes, roles, keys, policy, promote, revoke, publish) or all' -r -f -a "none\t''
binding\t''
all\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l clear-checklist -d 'Remove the checklist'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from history" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from history" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from history" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from history" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from history" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from history" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the vote policy in force for a project or product, and where each field comes from'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set fields of the vote policy (a new policy version; pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "history" -d 'Every version of a target\'s own policy, with who set it and when'
complete -c relmgr -n "__fish_relmgr_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l platform -d 'Platform of these packages (linux, windows, macos, any, …)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l arch -d 'CPU architecture (x64, arm64, …)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l channel -d 'Channel (stable, beta, …)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l sign -d 'Sign each file with this secret key while staging (one read per file)' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l external -d 'Stage an external package: its https:// or oci:// URL' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l sha256 -d 'The external package\'s SHA-256 (64 hex digits)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l size -d 'The external package\'s size in bytes' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l source -d 'Check these packages as source archives (LICENSE, NOTICE, compiled files, headers)'
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l binary -d 'Check these packages as binary distributions (no source checks), whatever their content'
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand stage" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand unstage" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand unstage" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand unstage" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand unstage" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand unstage" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand unstage" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand unstage" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand unstage" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -l key -d 'Your secret key (passphrase: $RELMGR_PASSPHRASE_FILE, else a prompt)' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand sign" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l revision -d 'The revision to use, rcN [default: the newest]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l dir -d 'Check a downloaded candidate instead: packages with .asc and .sha512 (no store needed)' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l keys -d 'The KEYS file to check signatures with [default: DIR/KEYS]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l git -d 'Compare each source archive with this tag or commit of the git repository around the store (or the current directory, with --dir): files only in one, or different' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l source -d 'With --dir: check packages matching GLOB as source archives (repeatable)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l binary -d 'With --dir: packages matching GLOB are not source archives (repeatable)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l license -d 'With --dir: the project\'s license, an SPDX expression (e.g. MIT) [default: Apache-2.0 rules]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l ignore-file -d 'With --dir: paths the header check leaves out, one pattern a line (RAT\'s --input-exclude-file format; a source tree\'s own .rat-excludes is read too)' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l strict -d 'Warnings fail too (exit 3)'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -a "ignore" -d 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and not __fish_seen_subcommand_from ignore help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -f -a "add" -d 'Ignore findings matching PATTERN (recorded as an event)'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -f -a "list" -d 'List a target\'s ignores'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -f -a "remove" -d 'Stop ignoring PATTERN'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from ignore" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "ignore" -d 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`'
complete -c relmgr -n "__fish_relmgr_using_subcommand check; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -l revision -d 'The revision to verify [default: the newest]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -l dir -d 'Verify a directory of packages instead (e.g. a download, or a published tree: every file must be listed by its unexpired snapshot.json)' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -l keys -d 'A KEYS file to verify signatures with [default: DIR/KEYS, else the store\'s keys]; without a store, the snapshot versions seen are kept beside it in KEYS.seen.json' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand verify" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -f -a "start" -d 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -f -a "cast" -d 'Cast your vote: +1, 0 or -1 (your last vote counts)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -f -a "status" -d 'Tallies, voters and the outcome'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -f -a "close" -d 'Close the vote (RM): the rule decides, or --confirm / --abandon'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -f -a "import" -d 'Record the votes of a mailing-list thread (mbox): each sender\'s last vote counts, and every message is listed with what was read from it'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and not __fish_seen_subcommand_from start cast status close import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l hours -d 'Keep the vote open this many hours (at least the policy\'s min_hours)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l vote -d 'Cast your own vote at once (+1, 0 or -1)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l acknowledge -d 'Start despite a failing release check of this id (recorded with the vote)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l candidates-url -d 'Where voters download the candidate (an http(s) URL, e.g. the dist/dev directory that `publish --candidates` fills); the [VOTE] mail gives it, and --send needs it' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -s o -l output -d 'Write the mail to FILE instead of stdout' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l to -d 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l send -d 'Also send the mail over SMTP ([smtp] in config.toml) to the project\'s notify emails'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -l comment -d 'A comment shown beside the vote' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -l sign -d 'Sign the vote with your own registered key' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from cast" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -l revision -d 'The revision to use, rcN [default: the newest]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l to -d 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l confirm -d 'Confirm a vote awaiting confirmation (or a manual one): it passes'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l abandon -d 'Abandon the vote: the release stays a candidate for a new revision'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l accept-review -d 'Close even though messages of the thread still need review (they stay uncounted)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l send -d 'Also send the mail over SMTP ([smtp] in config.toml) to the project\'s notify emails'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -l set -d 'Record the vote of a message that needs review, by its id: MSGID=+1, =0 or =-1' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -l ignore -d 'Record that a message that needs review gives no vote, by its id' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -l review -d 'Decide each message that needs review on the terminal (+1, 0, -1 or none)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from help" -f -a "cast" -d 'Cast your vote: +1, 0 or -1 (your last vote counts)'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from help" -f -a "status" -d 'Tallies, voters and the outcome'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close the vote (RM): the rule decides, or --confirm / --abandon'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from help" -f -a "import" -d 'Record the votes of a mailing-list thread (mbox): each sender\'s last vote counts, and every message is listed with what was read from it'
complete -c relmgr -n "__fish_relmgr_using_subcommand vote; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -l archive-prior -d 'Archive the target\'s earlier current releases (they stay listed in the snapshot)'
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand promote" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -l template -d 'A template with {name} {version} {release} {packages} {download} {keys} {cves} {description} {actor}' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -s o -l output -d 'Write the mail to FILE instead of stdout' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -l to -d 'With --send: send to ADDRESS instead of the notify emails (repeatable, or comma-separated: --to announce@…,dev@…)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -l send -d 'Also send the mail over SMTP ([smtp] in config.toml) to the project\'s notify emails'
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand announce" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -f -a "resend" -d 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and not __fish_seen_subcommand_from resend help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -l to -d 'Send to ADDRESS instead of the project\'s notify emails (repeatable, or comma-separated)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from resend" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "resend" -d 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail'
complete -c relmgr -n "__fish_relmgr_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -l reason -d 'Why, for the snapshot and the log' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -l cve -d 'A CVE this revocation is about (repeatable; it must have been added)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand revoke" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l key -d 'Your secret key, to sign snapshot.json' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l expires-days -d 'How many days the snapshot stays valid' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l base-url -d 'Make the download pages\' package links absolute under URL (a mirror network)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l canonical-url -d 'Make the pages\' .asc, .sha512 and KEYS links absolute under URL (the canonical site)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l candidates -d 'Write the revisions under vote to DIR/<target>/<version>-<rcN>/ (packages, .asc, .sha512, KEYS) for voters to check and fetch, instead of the dist tree'
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand publish" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -l revision -d 'The revision whose packages to fetch [default: the newest]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -l from -d 'Where the bytes are: a directory (a download, a `publish --candidates` or `publish` tree, another store\'s releases/) or an http(s):// base URL of one' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand fetch" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -l format -d 'cyclonedx or spdx' -r -f -a "cyclonedx\t''
spdx\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -l revision -d 'The revision to describe [default: the released one, else the newest]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -s o -l output -d 'Write to FILE instead of stdout' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand sbom" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -l repair -d 'Remove leftovers of interrupted runs and rebuild the releases/ tree and keys/'
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand fsck" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -f -a "add" -d 'Record a CVE'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -f -a "link" -d 'Link a CVE to a project, product or release (TARGET[@VERSION])'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -f -a "list" -d 'List CVEs, of one target or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and not __fish_seen_subcommand_from add link list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -l title -d 'The CVE\'s title' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -l date -d 'Publication date, YYYY-MM-DD' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -l severity -d 'critical, high, medium, low, info, none, unknown' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -l state -d 'resolved, resolved_with_pedigree, exploitable, in_triage, false_positive, not_affected' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from link" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from link" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from link" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from link" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from link" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from link" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from link" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from list" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from list" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from help" -f -a "add" -d 'Record a CVE'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from help" -f -a "link" -d 'Link a CVE to a project, product or release (TARGET[@VERSION])'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from help" -f -a "list" -d 'List CVEs, of one target or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand cve; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'List releases (of a project with its products, of a product, or all), by target and version'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'Show a release\'s newest (or named) revision and its packages'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -l stage -d 'Only releases in this stage' -r -f -a "candidate\t''
current\t''
revoked\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -l channel -d 'Only releases with a package in this channel' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -l since -d 'Only releases created at or after this time (RFC 3339 or YYYY-MM-DD)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -l limit -d 'At most N releases, the first in the list\'s order (by target, then version)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -l revision -d 'The revision to show, e.g. rc1 [default: the newest]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from help" -f -a "list" -d 'List releases (of a project with its products, of a product, or all), by target and version'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a release\'s newest (or named) revision and its packages'
complete -c relmgr -n "__fish_relmgr_using_subcommand release; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -l since -d 'Only events at or after this time (RFC 3339 or YYYY-MM-DD)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -l limit -d 'At most N events, the oldest first (with --since: the first N from that time on, a page)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -l event -d 'One event, by its seq or its hash (8 or more hex digits)' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -l export -d 'With --event: write event-SEQ.json (the signed bytes) and event-SEQ.json.asc into DIR' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand log" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -l user -d 'In a clone without a store: create it, with this user as the clone\'s user' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -l no-push -d 'Fetch and merge only; do not push this clone\'s events'
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand sync" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand completions" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand completions" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand completions" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand completions" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand completions" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand completions" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand completions" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand completions" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand generate-docs" -l store -d 'The store: a directory holding `.relmgr/`, or the `.relmgr` directory itself [default: $RELMGR_STORE, else the nearest `.relmgr/` upward]' -r -F
complete -c relmgr -n "__fish_relmgr_using_subcommand generate-docs" -l as -d 'Act as this user [default: $RELMGR_USER, else config.toml\'s user]' -r
complete -c relmgr -n "__fish_relmgr_using_subcommand generate-docs" -l color -d 'When to colour the output (NO_COLOR is honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c relmgr -n "__fish_relmgr_using_subcommand generate-docs" -l json -d 'Print one JSON document on stdout (errors as a JSON document on stderr)'
complete -c relmgr -n "__fish_relmgr_using_subcommand generate-docs" -s y -l yes -d 'Never prompt (implied when stdin is not a terminal or $CI is set)'
complete -c relmgr -n "__fish_relmgr_using_subcommand generate-docs" -s q -l quiet -d 'Print only the result, no status lines'
complete -c relmgr -n "__fish_relmgr_using_subcommand generate-docs" -s v -l verbose -d 'Print more detail on stderr'
complete -c relmgr -n "__fish_relmgr_using_subcommand generate-docs" -s h -l help -d 'Print help'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "init" -d 'Create a store (.relmgr/) in DIR; the user becomes its admin'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "project" -d 'Projects: create, list, show, edit'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "product" -d 'Products (sub-lines of a project): create, list, show, edit'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "user" -d 'Users: add, edit, list, show, consent'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "role" -d 'Roles: grant, revoke, list'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "key" -d 'OpenPGP keys: import, list, show, remove, export (KEYS), generate'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "policy" -d 'Vote policy: show, set, history'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "stage" -d 'Stage files (or an external package) into a release\'s draft revision'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "unstage" -d 'Remove a package from a draft revision'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "sign" -d 'Sign every package of a draft revision with your key'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "check" -d 'Release checks: signatures, checksums, archives, LICENSE/NOTICE, headers, naming, layout'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "verify" -d 'Verify checksums and signatures of a release or of a directory'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "vote" -d 'Votes: start, cast, status, close, import'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "promote" -d 'Make a release with a passed vote current (distributing)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "announce" -d 'Render the [ANNOUNCE] mail and mark the release announced'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "mail" -d 'The release mails: resend one that failed to send'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "revoke" -d 'Revoke a release from any stage; its version stays blocked'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "publish" -d 'Write the dist tree with KEYS and a signed snapshot.json (pmc or rm)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "fetch" -d 'Fetch the package bytes this store lacks from a directory or URL, verified (e.g. a clone)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "sbom" -d 'A CycloneDX 1.6 or SPDX 2.3 SBOM of a release, reproducible'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "fsck" -d 'Check objects, checksums, signatures, the event chain and the derived files'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "cve" -d 'CVEs: add, link, list'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "release" -d 'Releases: list, show'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "log" -d 'The audit events, oldest first'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "sync" -d 'Share the history through git: fetch, merge, bring the index up to date, push'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "completions" -d 'Print a shell completion script'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "generate-docs" -d 'Write completions/ and man/ from the command definitions (for maintainers)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and not __fish_seen_subcommand_from init project product user role key policy stage unstage sign check verify vote promote announce mail revoke publish fetch sbom fsck cve release log sync completions generate-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "create" -d 'Create a project (admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "list" -d 'List projects'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "show" -d 'Show one project'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from project" -f -a "edit" -d 'Change a project\'s metadata (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from product" -f -a "create" -d 'Create a product of a project (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from product" -f -a "list" -d 'List products, of one project or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from product" -f -a "show" -d 'Show one product'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from product" -f -a "edit" -d 'Change a product\'s metadata (pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "add" -d 'Add a user (admin, or pmc of a project)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "edit" -d 'Set a user\'s name or email (themselves, admin, or pmc of a project)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'Show one user and their roles'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "consent" -d 'Record (grant) or withdraw (revoke) consent; revoke erases name and email'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "grant" -d 'Grant a role: pmc, committer or rm on a project; admin or member on `store`'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "revoke" -d 'Revoke a role'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "list" -d 'List roles, of one project (or `store`) or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "import" -d 'Import certificates: armored or binary, keyrings, whole Apache KEYS files'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list" -d 'List keys with their status (valid, expired, revoked, retired)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "show" -d 'Show one key by fingerprint or long key id'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "remove" -d 'Retire a key: it still verifies old signatures but signs nothing new'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "assign" -d 'Give a registered key to another user (one imported for the wrong user, or for nobody)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "export" -d 'Write an Apache KEYS file of a project\'s members (or of every owned key)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "generate" -d 'Generate an Ed25519 signing key for a user (tests, CI bots); the public part is registered'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Show the vote policy in force for a project or product, and where each field comes from'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Set fields of the vote policy (a new policy version; pmc, rm or admin)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "history" -d 'Every version of a target\'s own policy, with who set it and when'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from check" -f -a "ignore" -d 'Findings a project accepts, by glob over `PACKAGE`, `CHECK:PACKAGE` or `PACKAGE:ENTRY`'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from vote" -f -a "start" -d 'Start the vote on a draft revision: freezes it and prints the [VOTE] mail'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from vote" -f -a "cast" -d 'Cast your vote: +1, 0 or -1 (your last vote counts)'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from vote" -f -a "status" -d 'Tallies, voters and the outcome'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from vote" -f -a "close" -d 'Close the vote (RM): the rule decides, or --confirm / --abandon'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from vote" -f -a "import" -d 'Record the votes of a mailing-list thread (mbox): each sender\'s last vote counts, and every message is listed with what was read from it'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "resend" -d 'Send the mail of event SEQ again (a vote.start, vote.close or release.announce event), e.g. after a send failed; the same Message-ID, so lists and threads see one mail'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from cve" -f -a "add" -d 'Record a CVE'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from cve" -f -a "link" -d 'Link a CVE to a project, product or release (TARGET[@VERSION])'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from cve" -f -a "list" -d 'List CVEs, of one target or all'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from release" -f -a "list" -d 'List releases (of a project with its products, of a product, or all), by target and version'
complete -c relmgr -n "__fish_relmgr_using_subcommand help; and __fish_seen_subcommand_from release" -f -a "show" -d 'Show a release\'s newest (or named) revision and its packages'
