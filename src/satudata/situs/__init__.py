"""The public catalog site: a model of what is published, downloads, feeds, pages, build."""
