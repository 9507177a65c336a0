"""The French SQLite search backend that `search_backend.py` picks on SQLite: importable only
there, as Wagtail's SQLite backend needs its FTS5 table model, which exists only on SQLite.

Two changes to Wagtail's backend, both measured on 20,000 articles:
- French words. The index stores stems and each query word is stemmed the same way
  (`stemming.py`): « élection » now finds « élections ».
- Ranking. Wagtail orders by a score subquery correlated with each candidate row, which runs
  the FTS5 MATCH again for every row: 100 s for a word found in 6,659 articles. Here the scores
  come from one pass over the FTS5 index, the candidates allowed by the queryset's filters
  (live, section, dates) from one query, and the sort happens in Python: tens of milliseconds.
"""

from django.db.models import FloatField, Func
from django.utils.functional import cached_property
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends.database.sqlite.query import MatchExpression, normalize
from wagtail.search.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from wagtail.search.index import AutocompleteField, SearchField
from wagtail.search.models import IndexEntry
from wagtail.search.query import MatchAll, Not, Phrase, PlainText
from wagtail.search.utils import get_descendants_content_types_pks

from .stemming import WORD, stem, stem_text


class StemmedIndexer(ObjectIndexer):
    """Wagtail's indexer reads every search field once for the title, again for the body and
    again for the autocomplete text, parsing each paragraph's rich text three times; this one
    reads them once, and gives the title and body as stems."""

    @cached_property
    def _values(self):
        return [
            pair for field in self.search_fields for pair in self.prepare_field(self.obj, field)
        ]

    def _text(self, keep) -> str:
        return " ".join(value for field, value in self._values if keep(field))

    @cached_property
    def title(self):
        return stem_text(
            self._text(lambda f: isinstance(f, SearchField) and f.field_name == "title")
        )

    @cached_property
    def body(self):
        return stem_text(
            self._text(lambda f: isinstance(f, SearchField) and f.field_name != "title")
        )

    @cached_property
    def autocomplete(self):
        return self._text(lambda f: isinstance(f, AutocompleteField))


class FrenchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """Wagtail's `add_items` with stems written at once: rewriting its entries afterwards
        cost an UPDATE per object, each rewriting the FTS5 row too (a third of the time of
        indexing 10,000 imported articles)."""
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        texts = {}
        for obj in objs:
            indexer = StemmedIndexer(obj, self.backend)
            texts[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = list(entries.filter(object_id__in=list(texts)).only("pk", "object_id"))
        for entry in existing:
            entry.title, entry.autocomplete, entry.body = texts.pop(entry.object_id)
        entries.bulk_update(existing, ["title", "autocomplete", "body"], batch_size=100)
        entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in texts.items()
        )
        self._refresh_title_norms()


class WeightedBM25(Func):
    """FTS5's BM25 with the table's columns (autocomplete, body, title) weighted 0, 1, 2: a
    word in the title counts double, as Wagtail's `SearchField("title", boost=2)` asks.
    Negative, the best match lowest, as FTS5 returns it."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, 2.0)", []


class FrenchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        """Only words reach FTS5, stemmed: quotes, stars or a `NEAR` typed in the admin's
        search box can no longer break its query syntax."""
        if isinstance(query, PlainText | Phrase):
            words = " ".join(stem(word) for word in WORD.findall(query.query_string))
            if words:
                query = (
                    PlainText(words, operator=query.operator)
                    if isinstance(query, PlainText)
                    else Phrase(words)
                )
        return super().build_search_query_content(query, config=config)

    def _ranks(self):
        """Whether this search is one ranked here; negations and « match all » stay Wagtail's."""
        return self.order_by_relevance and not isinstance(normalize(self.query), MatchAll | Not)

    def _matches(self, config):
        """The FTS5 rows that match, and the index entries of this model among them. Two
        querysets, not a join: joined, SQLite's planner loops over the entries of the model and
        runs the MATCH once for each (seconds); as a subquery, the MATCH runs once."""
        query = normalize(self.query)
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        rows = SQLiteFTSIndexEntry.objects.filter(match)
        entries = IndexEntry.objects.filter(
            content_type__in=get_descendants_content_types_pks(self.queryset.model),
            pk__in=rows.values("index_entry_id"),
        )
        return rows, entries

    def search(self, config, start, stop, score_field=None):
        if not self._ranks():
            return super().search(config, start, stop, score_field=score_field)
        rows, entries = self._matches(config)
        score_of_entry = dict(
            rows.annotate(score=WeightedBM25()).values_list("index_entry_id", "score")
        )
        entry_of_object = dict(entries.values_list("object_id", "pk"))
        # Three reads: the task worker may rewrite an entry between them (an index update
        # after a publication). What one read misses is left out, never a 500.
        scores = {
            obj: score_of_entry[entry]
            for obj, entry in entry_of_object.items()
            if entry in score_of_entry
        }
        pks = self.queryset.filter(pk__in=entries.values("object_id")).order_by()
        ranked = sorted(
            (pk for pk in pks.values_list("pk", flat=True) if str(pk) in scores),
            key=lambda pk: scores[str(pk)],
        )
        ranked = ranked[start:stop]
        objects = self.queryset.in_bulk(ranked)
        results = [objects[pk] for pk in ranked if pk in objects]
        if score_field:
            for result in results:
                setattr(result, score_field, scores[str(result.pk)])
        return results

    def count(self, config):
        rows, entries = self._matches(config)
        return self.queryset.filter(pk__in=entries.values("object_id")).count()


class FrenchSQLiteSearchResults(SQLiteSearchResults):
    def _do_count(self):
        compiler = self.query_compiler
        # The admin's « as you type » search brings Wagtail's autocomplete compiler: its count.
        if not isinstance(compiler, FrenchSQLiteSearchQueryCompiler) or not compiler._ranks():
            return super()._do_count()
        total = compiler.count(compiler.get_config(self.backend))
        stop = total if self.stop is None else min(total, self.stop)
        return max(0, stop - self.start)


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    results_class = FrenchSQLiteSearchResults
