"""Name claims: a known entity written with a variant spelling (字节动态 for 字节跳动)."""

from __future__ import annotations

from checker.claims.context import SentenceContext
from checker.models import Claim


def name_claims(ctx: SentenceContext) -> list[Claim]:
    return [
        ctx.claim(m.start, m.end, m, "name", m.text, obj=None)
        for m in ctx.mentions
        if m.variant_of is not None
    ]
