"""One module per export format, each exporting its entry in the registry (registry.FORMATS) as
FORMAT; chat_file holds what the formats are given, and whatsapp_common what WhatsApp's two
parsing roads share."""
