package org.grassroots.assessment.evaluation;

/** The five vanguard titles (五先锋) in policy order. */
public enum VanguardTitle {
    SERVICE("服务群众先锋"), DEDICATION("岗位奉献先锋"), INNOVATION("科技创新先锋"),
    MANAGEMENT("经营管理先锋"), STUDY("学习先锋");

    private final String label;

    VanguardTitle(String label) { this.label = label; }

    public String label() { return label; }
}
