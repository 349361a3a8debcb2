"""The sub-commands of the CLI, one module each: ``run(args)`` returns an exit code, or
``(exit code, JSON document)`` when ``--json`` was given (the CLI prints it)."""
