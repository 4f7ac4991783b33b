"""Text that XML 1.0 can carry: user input may hold control characters lxml refuses."""

import re

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Return the text without the characters XML 1.0 cannot represent."""
    return _NOT_IN_XML.sub("", text)


def is_xml_safe(text: str) -> bool:
    return _NOT_IN_XML.search(text) is None
