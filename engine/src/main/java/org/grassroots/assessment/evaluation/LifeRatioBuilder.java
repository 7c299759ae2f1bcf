package org.grassroots.assessment.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the organizational-life items that apply to an organization (which ones, and what is
 * required, is decided by the rules) and computes R = mean over them of min(1, held / required).
 */
public final class LifeRatioBuilder {

    private final List<String> parts = new ArrayList<>();
    private double sum;
    private int count;

    public LifeRatioBuilder item(String name, double held, double required) {
        sum += Math.min(1.0, held / required);
        count++;
        parts.add(name + " " + Rounding.num(held) + "/" + Rounding.num(required) + " 次");
        return this;
    }

    public LifeRatio build(String orgCode) {
        double r = count == 0 ? 1.0 : sum / count;
        return new LifeRatio(orgCode, r, String.join("，", parts));
    }
}
