"""The documented errors: everything else escaping `convert` is a bug."""


class InputError(ValueError):
    """The input cannot be converted: not text, not UTF-8, a bad option value."""
