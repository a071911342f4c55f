"""`checker entities suggest`: propose rules-pack entries for names the pack does not know, and draft attributes."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from checker.cli.common import ArticlesCommand, ColorMode, ColorOpt, CacheDirOpt, EngineName, EngineOpt, NoCacheOpt, SchedulerOpt, ArticlesArg, DateOpt, JobsOpt, OutputOpt, RulesOpt, VerboseOpt, app, emit, execute

entities_app = typer.Typer(help="Grow the rules pack's entities from your own articles.", no_args_is_help=True)
app.add_typer(entities_app, name="entities")


class SuggestFormat(str, Enum):
    yaml = "yaml"
    md = "md"


@entities_app.command("suggest", cls=ArticlesCommand)
def suggest(
    articles: ArticlesArg,
    rules: RulesOpt = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Suggest only names seen at least this often.")] = 1,
    format: Annotated[SuggestFormat, typer.Option("--format", "-f", help="yaml: entries to append to entities.yaml; md: a table to review.")] = SuggestFormat.yaml,
    output: OutputOpt = None,
    date: DateOpt = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = EngineName.local,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    verbose: VerboseOpt = False,
    color: ColorOpt = ColorMode.auto,
) -> None:
    """Propose entities.yaml entries for names the rules pack does not know.

    Latin-script names, names before 模型 or 公司 and quoted titles, most frequent first,
    each with up to three places where it occurs and a type (the pack's type words next to
    it, else a guess); then draft attributes: words that recur next to figures or dates no
    attribute of the pack reads (commented out in the YAML output). Exits 0 when the run completed
    (whatever it found), 2 for invalid rules or when no article could be read.
    """
    from checker.attribute_candidates import suggest_attributes
    from checker.candidates import entry_indent, render_markdown, render_yaml, suggest_entities

    result = execute(articles, rules, date, jobs, verbose=verbose, cache_dir=cache_dir, no_cache=no_cache, engine=engine, scheduler=scheduler)
    suggestions = suggest_entities(result.articles, result.candidates, result.pack, min_count)
    drafts = suggest_attributes(result.articles, result.claims, result.pack, min_count)
    if format == SuggestFormat.yaml:
        emit(render_yaml(suggestions, entry_indent(result.pack), drafts), output)
    else:
        emit(render_markdown(suggestions, drafts), output)
