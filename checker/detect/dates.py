"""date_conflict: two dates of one event that cannot both be right."""

from __future__ import annotations

from functools import partial

from checker.detect.base import DetectInput, attribute_label, detector, make_finding, subject_label
from checker.detect.compare import clusters, dates_agree, in_conflict


@detector("date_conflict")
def date_conflict(data: DetectInput) -> list:
    """Dates for the same event of the same subject whose intervals do not meet.

    Why it matters: a launch reported on two different days misleads timelines and
    anyone who builds one from the dataset.
    How: dates are grouped by subject, attribute and place (a launch in the EU is not one in
    the US); each date is an interval of days (去年11月 is all of November of the year
    before the article; 3月初 is the 1st to the 10th). A plan (将于3月推出) is never
    compared with an outcome. When either side names a time zone (当地时间, 北京时间,
    local time), one day of difference is allowed.
    Each date attribute of the pack is one kind of event (a release, an open-sourcing,
    an invitation test, a public opening), compared only with itself: a model is often
    shown to testers in March and opened to everyone in August.
    Example: ChatGPT released 2022年11月30日 vs 去年12月 (in an article of February
    2023) is a conflict; 当地时间2月7日 vs 北京时间2月8日 is not; 3月16日发布 vs
    8月31日向公众开放 is not (two events). One finding per subject, event and place cites
    every cluster of agreeing dates that conflicts with another.
    """
    findings = []
    pack = data.pack
    agree = partial(dates_agree, pack)
    for (subject, attribute, version, _place), claims in data.groups("date_conflict"):
        disputed = in_conflict(clusters(claims, lambda c: (c.span.low, c.span.high, c.span.timezone, c.modality.value), agree), agree)
        if not disputed:
            continue
        sides = " vs ".join(f"“{cluster[0].text}” ({cluster[0].value}) in {', '.join(sorted({c.article for c in cluster}))}" for cluster in disputed)
        message = f"{subject_label(pack, subject, version)} {attribute_label(pack, attribute)}: {sides}"
        findings.append(make_finding("date_conflict", subject, attribute, [c for cluster in disputed for c in cluster], message, pack))
    return findings
