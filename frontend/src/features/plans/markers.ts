import type { components } from '@/lib/api/schema';

type Marker = components['schemas']['Marker'];

/** A target or actual written as a marker, as the city's sheet prints it. */
export const MARKER_LABELS: Record<Marker, string> = { NOT_APPLICABLE: '***', MAINTAIN_BASELINE: '現状維持', MAINTAIN_PREVIOUS: '前年度維持' };
