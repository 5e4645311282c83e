/* snap_sections.h: forced into every file build/snap-cc compiles (-include).
 *
 * The globals of instrumented code go to sections of their own, which the
 * linker script snap.ld gathers, aligned and padded to whole 64-byte lines,
 * and the runtime arms at start-up: they backtrack; libc's globals, which
 * libc writes without the barrier, stay out.  Thread-local variables and
 * variables with an explicit section attribute are not tracked.
 *
 * The code goes to a section of its own too: malloc tells the program's
 * allocations (tracked) from libc's internal ones (FILE buffers, locale and
 * time zone data: persistent, since libc writes them without the barrier)
 * by its return address.
 */
#pragma clang section bss = "snap_bss" data = "snap_data" text = "snap_text"
