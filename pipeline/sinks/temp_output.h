// File sinks (JSON Lines, CSV) write under TARGET.tmp.PID and rename into
// place at the end.  A run killed before its rename leaves that temporary
// behind; the next run over the same target removes it.
#pragma once

#include <string>

namespace vnie {

// TARGET.tmp.PID for this process, after removing every TARGET.tmp.* left
// by a process that no longer runs.
std::string TempOutputPath(const std::string& target);

}  // namespace vnie
