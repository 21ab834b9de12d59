"""The public guide: articles written as Markdown, readers' responses, and their moderation."""
