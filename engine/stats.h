/* stats.h - statistics/0 and statistics/2: time, inferences, and the
 * snapshot counters (snapshots_taken, snapshots_restored,
 * snapshots_dropped, lines_logged), the heap and the collector. */
#ifndef ENGINE_STATS_H
#define ENGINE_STATS_H

/* Record the start time; once at start. */
void stats_start(void);
void stats_register(void);

#endif
