from django.urls import path

from . import corrections, feeds, views

app_name = "findability"

urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("archives/", views.archive_index, name="archives"),
    path("archives/<int:year>/", views.archive_year, name="archive_year"),
    path("archives/<int:year>/<int:month>/", views.archive_month, name="archive_month"),
    path("rectificatifs/", corrections.corrections_page, name="corrections"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-news.xml", views.news_sitemap, name="news_sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap, name="sitemap"),
]
for feed_format in feeds.FORMATS:
    urlpatterns += [
        path(
            f"flux/{feed_format}/",
            feeds.ArticleFeed(feeds.site_channel, feed_format),
            name=f"site_{feed_format}",
        ),
        # « monde/europe »: a section's own path, nested sections included.
        path(
            f"flux/rubriques/<path:section>/{feed_format}/",
            feeds.ArticleFeed(feeds.section_channel, feed_format),
            name=f"section_{feed_format}",
        ),
        path(
            f"flux/auteurs/<slug:slug>/{feed_format}/",
            feeds.ArticleFeed(feeds.author_channel, feed_format),
            name=f"author_{feed_format}",
        ),
        # Not <slug:>: an accented address from before ASCII slugs gets its 301.
        path(
            f"flux/sujets/<str:slug>/{feed_format}/",
            feeds.TagFeed(feeds.tag_channel, feed_format),
            name=f"tag_{feed_format}",
        ),
        path(
            f"flux/rectificatifs/{feed_format}/",
            corrections.CorrectionFeed(corrections.corrections_channel, feed_format),
            name=f"corrections_{feed_format}",
        ),
    ]
