"""Where extraction runs: in this process, in a pool of worker processes, or on a Dask cluster.

Every engine maps the pure function `extract_article(article, pack)` over the articles
and returns the extractions in the order of the articles, so the findings do not depend
on the engine or on the number of workers.
"""
