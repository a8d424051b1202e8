#ifndef KENNISBANK_CSYSTEMCALLS_H
#define KENNISBANK_CSYSTEMCALLS_H

/// Swaps the two paths `first` and `second` in one step (both must exist): Linux `renameat2`
/// with `RENAME_EXCHANGE`, macOS `renamex_np` with `RENAME_SWAP`. Returns 0, or -1 with `errno`
/// set; ENOSYS where the system has no such call, EINVAL where the file system refuses it.
int kb_exchange_paths(const char *first, const char *second);

#endif
