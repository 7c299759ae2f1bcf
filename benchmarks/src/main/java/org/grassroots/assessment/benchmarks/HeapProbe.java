package org.grassroots.assessment.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

import org.grassroots.assessment.evaluation.BundleData;
import org.grassroots.assessment.evaluation.EvaluationResult;
import org.grassroots.assessment.evaluation.Evaluator;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.Bundle;

/**
 * Run in a JVM of its own with a heap limit ({@code -Xmx}): compiles the rules, reads the bundle,
 * evaluates the period with the given threads and writes the result to nowhere, then prints one
 * line {@code heap peak=<MB> live=<MB>}: the highest heap occupancy the collector let happen
 * (summed pool peaks: an upper bound, the collector fills the heap before it collects) and the heap
 * still in use after a full collection with the bundle and the result held. Finishing at all under
 * the limit is the point: it proves the limit suffices.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Bundle bundle = EngineBenchmarks.read(EngineBenchmarks.bundle(size));
        EvaluationResult result = new Evaluator(EngineBenchmarks.rules(), threads, EngineBenchmarks.BATCH_SIZE)
                .evaluate(new BundleData(bundle), EngineBenchmarks.PERIOD, EngineBenchmarks.AS_OF);
        ResultJson.write(result, OutputStream.nullOutputStream());
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("heap peak=%d live=%d organizations=%d%n", peak >> 20, live >> 20,
                result.organizations().size());
    }
}
