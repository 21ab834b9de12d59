"""The compiled WhatsApp scanner; everything else about the package is in pyproject.toml.

Optional: where no C compiler is at hand the install still succeeds, and the Polars parser
(anew.chats.formats.whatsapp) reads every export, only slower.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "anew.chats.formats._whatsapp_scan",
            sources=[
                "src/anew/chats/formats/_whatsapp_scan.c",
                "src/anew/chats/formats/whatsapp_scanner.c",
            ],
            depends=["src/anew/chats/formats/whatsapp_scanner.h"],
            optional=True,
        )
    ]
)
