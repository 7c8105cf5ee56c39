"""A file named for linting, or found in a directory, cannot be read.

## What it does
Reports a file that exists but cannot be opened or read: permission denied, a broken or
looping symbolic link, a device, a file removed while the run was under way. The other files
are still linted.

## Why is this bad
A record nobody can read is a record nobody checks; in CI it usually means a wrong
permission or a symbolic link that points outside the checkout.

## Example
A record saved with mode `000`, or `records/parent.yaml` as a symbolic link to itself.

## Use instead
A regular, readable file: `chmod 644 records/parent.yaml`, or replace the link by the file.
"""

from linter.findings import Severity

CODE = "CL021"
SLUG = "file-unreadable"
SEVERITY = Severity.ERROR
