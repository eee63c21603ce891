// Apache ECharts, only the parts the portal draws (bar and line charts on a canvas): tree-shaken by the bundler.
// Canvas, not SVG: the SVG renderer writes style attributes, which the portal's strict CSP forbids. Every chart
// has its figures in a table beside it, a text label and decal patterns, so colour is never the only cue.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export const WOMEN = '#8a2d6e';
export const MEN = '#1d5b8f';
const TEXT = '#1f2328';

let firstRendered = false;
const live = new Set();

function base(el, format) {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  live.add(chart);
  chart.on('finished', () => {
    el.dataset.rendered = 'true';
    if (!firstRendered) {
      firstRendered = true;
      performance.mark('gems-chart-rendered');
    }
  });
  return {
    chart,
    common: {
      animation: false,
      aria: { enabled: true, decal: { show: true } },
      textStyle: { color: TEXT, fontSize: 13 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: TEXT } },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => format(v), color: TEXT } },
    },
  };
}

/** Grouped bars: one group per category, one bar per series (women and men side by side). */
export function bars(el, { categories, series }, format) {
  const { chart, common } = base(el, format);
  chart.setOption({
    ...common,
    xAxis: { type: 'category', data: categories, axisLabel: { color: TEXT } },
    series: series.map((s) => ({
      type: 'bar', name: s.name, data: s.data, itemStyle: { color: s.color }, barMaxWidth: 48,
      label: { show: true, position: 'top', color: TEXT, formatter: (p) => format(p.value) },
    })),
  });
  return chart;
}

/** One line per series over the categories (the female share over time). */
export function lines(el, { categories, series }, format) {
  const { chart, common } = base(el, format);
  chart.setOption({
    ...common,
    xAxis: { type: 'category', data: categories, axisLabel: { color: TEXT } },
    series: series.map((s) => ({
      type: 'line', name: s.name, data: s.data, itemStyle: { color: s.color }, lineStyle: { color: s.color, width: 3 },
      symbolSize: 8, label: { show: true, position: 'top', color: TEXT, formatter: (p) => format(p.value) },
    })),
  });
  return chart;
}

/** Drops the charts of the page being left (they hold canvases and listeners). */
export function disposeAll() {
  for (const c of live) {
    c.dispose();
  }
  live.clear();
}

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => live.forEach((c) => c.resize()), 150);
});
