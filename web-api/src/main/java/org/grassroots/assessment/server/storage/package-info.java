/**
 * Storage plumbing shared by the features that write or keep stored rows: multi-row and batched
 * inserts ({@link org.grassroots.assessment.server.storage.BatchInsertRepository}), upserts by key
 * ({@link org.grassroots.assessment.server.storage.BatchUpsertRepository}), how an upsert reads the
 * rows it may replace ({@link org.grassroots.assessment.server.storage.StoredRowLookup}) and a value
 * read once and kept while the stamp of what it was read from holds
 * ({@link org.grassroots.assessment.server.storage.Stamped}). Every feature module may use it; it
 * uses none of them (no allowed dependency, checked by the module structure test).
 */
@ApplicationModule(displayName = "Storage", allowedDependencies = {})
package org.grassroots.assessment.server.storage;

import org.springframework.modulith.ApplicationModule;
