"""The archive file: TinyDB on an atomic orjson storage, its lock, its path, the list catalog."""
