import { Box, Typography } from '@strapi/design-system';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Overview } from '../types';

/** One colour per activity type, in the order the server lists the types. */
const PALETTE = ['#4945ff', '#ee5e52', '#328048', '#d9822f', '#7b79ff', '#0c75af', '#ac73e6', '#666687'];

const Card = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

export const TimelineChart = ({ title, timeline }: { title: string; timeline: Overview['timeline'] }) => {
  const data = timeline.buckets.map((bucket) => ({ bucket: bucket.bucket, ...bucket.counts }));
  return (
    <Card title={title}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend />
          {timeline.types.map((type, index) => (
            <Bar
              key={type}
              dataKey={type}
              stackId="leads"
              fill={PALETTE[index % PALETTE.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
};

export const FunnelChart = ({
  title,
  stages,
}: {
  title: string;
  stages: Array<{ stage: string; contacts: number }>;
}) => (
  <Card title={title}>
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={stages} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="stage" width={110} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="contacts" fill="#4945ff" isAnimationActive={false}>
          <LabelList dataKey="contacts" position="right" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  </Card>
);
