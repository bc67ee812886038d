complete --keep-order --exclusive --command relmgr --arguments "(COMPLETE=fish relmgr -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
