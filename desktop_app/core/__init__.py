"""Qt-free foundation every feature uses: database, errors, accounts, audit, validation, search keys."""
