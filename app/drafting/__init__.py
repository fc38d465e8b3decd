"""Drafting a data file from an article: candidate facts, each with its verbatim quote."""
