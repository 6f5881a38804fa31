from stance.cli import main

raise SystemExit(main())
