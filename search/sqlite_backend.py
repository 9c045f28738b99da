"""Wagtail's SQLite search backend (loaded by search/backend.py on SQLite only), with one
change: a page of results (or of autocomplete titles) ranked by relevance is read in one pass
over the matches.

Wagtail's SQLite backend orders results by a correlated subquery that runs the full-text match
again for every matching page, so a word found on 7,000 of 55,000 pages took over a minute.
Here the ranked ids come from the full-text table (each match checked against the searched
pages), then the page of objects is loaded by id. Counts and facets are Wagtail's.
"""

from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    get_descendants_content_types_pks,
)
from modelsearch.query import MatchAll, Not


class Ranked:
    """For Wagtail's SQLite query compilers (search and autocomplete)."""

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if (
            stop is None
            or score_field is not None
            or not self.order_by_relevance
            or isinstance(query, (MatchAll, Not))
        ):
            return super().search(config, start, stop, score_field=score_field)
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        # Per match, one lookup by primary key: cheaper than listing every searched page.
        searched = self.queryset.filter(pk=Cast(OuterRef("index_entry__object_id"), IntegerField()))
        ids = [
            int(key)
            for key in SQLiteFTSIndexEntry.objects.filter(
                match,
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
            )
            .filter(Exists(searched))
            .annotate(
                score=self._build_rank_expression(self.get_search_vectors(), config),
                object_pk=Cast("index_entry__object_id", IntegerField()),
            )
            .order_by("score", "-object_pk")
            .values_list("index_entry__object_id", flat=True)[start:stop]
        ]
        order = Case(
            *[When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ids)],
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=ids).annotate(_rank=order).order_by("_rank")


class RankedSQLiteSearchQueryCompiler(Ranked, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(Ranked, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
