"""Writes of the education app: accounts, learning records and certificates.

Services take keyword-only arguments, validate with `full_clean()` and raise
`ValidationError` with the module's message constants; views and loaders call them.
"""
