import { Link } from 'react-router';
import { links } from '@/config/paths';
import '../surveys.css';
import type { SurveyFeed } from '../api/surveys';
import { feedSummary } from '../bands';

/** 「この調査から算出: 孤独感の程度が高い市民の割合 37.4%（7〜9点＋10〜12点）」 with a link to the indicator. */
export function FeedLink({ feed, prefix = 'この調査から算出: ' }: { feed: SurveyFeed; prefix?: string }) {
  return (
    <span className="feed-link">
      {prefix}
      <Link to={links.indicator(feed.indicatorCode)}>{feed.indicatorName}</Link> {feedSummary(feed)}
    </span>
  );
}
