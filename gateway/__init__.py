"""PM Navigator gateway: the public HTTP door (chat proxy to Rasa, search API, pages)."""
