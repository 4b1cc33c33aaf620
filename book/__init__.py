"""Lerende sociale professionals: helpers for the chapters (data, glue, figures, exercises)."""
