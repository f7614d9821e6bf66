/**
 * Stages of the national template whose outputs the system acts on (004_aaef6eec7bf4eb36.txt).
 */

/**
 * Aksi 1 Tahapan Ketiga langkah 3 ("Analisis Ketersediaan Program dan Kesenjangan Cakupan
 * Layanan") ends in the focus-village priority matrix (Tabel 1.2): when it closes, the analysis of
 * the units' village data proposes the lokus list.
 */
export const lokusProposalStage = 'AKSI_1.T3.3';

/**
 * Aksi 1 ends with the recommendations that carry the lokus into the plan (Aksi 2): its last
 * stage is not approved before the TPPS secretary has confirmed the lokus list.
 */
export const lokusConfirmationStage = 'AKSI_1.T3.5';
