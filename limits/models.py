# No models: the module makes Django send this app post_migrate (see limits.apps).
