package etw.io.report;

/** A part of the report page. */
interface Section {
    void write(StringBuilder h, ReportInput in);

    /** A part repeated for every region of the main result. */
    interface PerRegion {
        /**
         * @param ri the region's index in the main result, for ids that stay unique in the page
         */
        void write(StringBuilder h, ReportInput in, int ri, String region);
    }
}
