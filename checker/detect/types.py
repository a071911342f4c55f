"""type_conflict: one entity called two incompatible kinds of thing (a chip and a model)."""

from __future__ import annotations

from checker.detect.base import DetectInput, detector, entity_label, make_finding


@detector("type_conflict")
def type_conflict(data: DetectInput) -> list:
    """An entity described as incompatible types, or as a type its rules entry rules out.

    Why it matters: calling Alibaba's M6 a chip when it is a multimodal model changes
    what every other claim about it means.
    How: type words written against a name (M6芯片, 预训练模型M6, the M6 chip) give
    entity_type claims. Types in one `compatible_types` group of settings.yaml (model,
    product, platform) never conflict; any other pair does, and so does a claimed type
    incompatible with the entity's type in entities.yaml.
    Example: 阿里推出了M6芯片 vs 多模态大模型M6.
    """
    findings = []
    pack = data.pack
    for (subject, attribute), claims in data.groups("type_conflict"):
        canonical = pack.entities[subject].type if subject in pack.entities else None
        types = sorted({c.value for c in claims})
        clashing = {t for t in types for u in types if not pack.types_compatible(t, u)}
        if canonical:
            clashing |= {t for t in types if not pack.types_compatible(t, canonical)}
        if not clashing:
            continue
        described = ", ".join(f"{t} ({sum(c.value == t for c in claims)}×)" for t in types)
        message = pack.message("type_conflict", subject=entity_label(pack, subject), values=described, expected=str(canonical))
        findings.append(make_finding("type_conflict", subject, attribute, claims, message, pack))
    return findings
