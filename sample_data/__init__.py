"""The sample archive: five real release pages from iom.int, shipped inside the wheel."""
