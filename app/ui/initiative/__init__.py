"""The initiative editor: a view with one tab per part of an initiative."""
