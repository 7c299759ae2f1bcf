package org.grassroots.assessment.server.security;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.grassroots.assessment.server.web.NotFoundException;

/**
 * The organizations the signed-in user may see: all of them, or (for an {@link Role#ORG_REP}) one
 * organization and its subtree. What lies outside is answered as not found, so guessing codes or
 * ids tells nothing about other organizations.
 */
public record Visibility(String root, Set<String> codes) {

    public static final Visibility ALL = new Visibility(null, null);

    public boolean unrestricted() {
        return codes == null;
    }

    public boolean sees(String orgCode) {
        return codes == null || codes.contains(orgCode);
    }

    /** The organization, or 404 exactly as for an organization that does not exist. */
    public void require(String orgCode) {
        if (!sees(orgCode)) {
            throw new NotFoundException("组织不存在：" + orgCode);
        }
    }

    public <T> List<T> filter(List<T> items, Function<T, String> orgCode) {
        return codes == null ? items : items.stream().filter(i -> codes.contains(orgCode.apply(i))).toList();
    }
}
