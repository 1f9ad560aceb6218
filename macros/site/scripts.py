"""Data the browser reads, written one way each and read back one way:

- `data_script`: a script file of ours that sets `self.<variable>` (the search indexes, the
  meaning layer, the practice bank). The JSON travels as a string handed to `JSON.parse`
  (several times faster for a browser than an object literal) or, with `literal`, as the
  value itself; "</" never appears raw, so the file is safe wherever it is loaded. Workers
  and pages may also fetch it as text and parse the JSON (`read_data_script` does the same).
- `json_block`: JSON for a `<script type="application/json">` block inside a page (the
  choosers' data); the CSP allows it, since a data block never runs.
"""

from __future__ import annotations

import json
from typing import Any


def data_script(variable: str, payload: Any, literal: bool = False) -> str:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    if literal:
        return f"self.{variable}={text};\n"
    return f"self.{variable}=JSON.parse(" + json.dumps(text, ensure_ascii=False) + ");\n"


def read_data_script(script: str, variable: str) -> Any:
    """The payload back from `data_script`'s text (ValueError for anything else)."""
    prefix = f"self.{variable}="
    if not (script.startswith(prefix) and script.endswith(";\n")):
        raise ValueError(f"not a data script of {variable}")
    value = script[len(prefix):-2]
    if value.startswith("JSON.parse(") and value.endswith(")"):
        return json.loads(json.loads(value[len("JSON.parse("):-1]))
    return json.loads(value)


def json_block(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no '</', no '<!--', no U+2028/2029."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
