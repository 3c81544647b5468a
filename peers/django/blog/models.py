"""The blog of BENCHMARKS.md, mapped onto the tables `related` creates."""

from django.db import models


class Author(models.Model):
    id = models.BigIntegerField(primary_key=True)
    name = models.TextField()

    class Meta:
        app_label = "blog"
        db_table = "blog_author"
        managed = False


class Tag(models.Model):
    id = models.BigIntegerField(primary_key=True)
    name = models.TextField()

    class Meta:
        app_label = "blog"
        db_table = "blog_tag"
        managed = False


class Post(models.Model):
    id = models.BigIntegerField(primary_key=True)
    title = models.TextField()
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    tags = models.ManyToManyField(Tag, db_table="blog_post_tags")

    class Meta:
        app_label = "blog"
        db_table = "blog_post"
        managed = False
