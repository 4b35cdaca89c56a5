"""Photographs from upload to page, one module per step.

``validation`` refuses anything that is not really a JPEG, PNG or WebP photograph we may
decode; ``stripping`` keeps only its pixels, upright and in sRGB; ``renditions`` makes the
sizes pages show; ``storage`` names the files and writes them, all or none, through Django's
storage API; ``pipeline`` runs those steps for an upload or a new focal point. ``figures``
reads the photographs a body places, ``editor`` configures the body editor's photograph, and
``markup`` builds the ``<picture>`` elements pages show, from names and sizes alone. Nothing
here runs on a visitor's request except ``markup`` and ``figures``, which never open a file.
"""
