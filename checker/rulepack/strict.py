"""The base of every validated file model: rules files and the language tables alike.

It sits below the rules-file schemas, so the language tables (and the value readers that use
them) can be validated without importing the schemas, which import the value readers.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)  # .nan or .inf would confirm any claim
