/**
 * Backups of the running Tally: Derby's online copy of the database, asked for by ADMIN, begun with
 * a signed checkpoint and sealed before it is put away, so that a restored copy verifies; each
 * backup folder lists what it holds. PostgreSQL is backed up with its own tools (the README's
 * restore drill).
 */
@MayUse({"audit", "platform", "staff", "web"})
package coop.tally.backup;

import coop.tally.platform.MayUse;
