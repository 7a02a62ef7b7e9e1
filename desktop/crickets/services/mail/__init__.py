"""Mail outlets: mailto: links, .eml drafts and their safe file names."""
