/**
 * The room as a presenter (issue 16), on a stage that records what it is asked: faces change at
 * once, a new arrival is a walk, anything else is drawn once the walk has ended, and the end of
 * the walk is told to the runner so the place's name changes with the room.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app/App';
import type { RoomStage } from '../../src/game/RoomStage';
import { roomPresenter } from '../../src/runner/roomPresenter';
import type { ConversationModel, RoomModel } from '../../src/ui/conversationModel';

function fakeStage() {
  const calls: string[] = [];
  let endWalk: () => void = () => {};
  const stage = {
    setMotion: () => {},
    show: (location: string, present: readonly string[]) =>
      void calls.push(`show ${location} ${present.join()}`),
    moveTo: (location: string) => {
      calls.push(`moveTo ${location}`);
      return new Promise<void>((done) => (endWalk = done));
    },
    setExpression: (who: string, expression: string) => void calls.push(`face ${who}=${expression}`),
    setSpeaker: (who: string | null) => void calls.push(`speaker ${who}`),
    destroy: () => void calls.push('destroy'),
  };
  return { stage: stage as unknown as RoomStage, calls, endWalk: () => endWalk() };
}

const app = { reducedMotion: () => false, settings: { onChange: () => () => {} } } as unknown as App;

const model = (lineKey: string, room: Partial<RoomModel>, expressions: Record<string, string> = {}) =>
  ({
    lineKey,
    expressions,
    room: { location: 'lounge', present: ['arthur'], expressions, speaker: null, arrival: 0, ...room },
  }) as unknown as ConversationModel;

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('the room presenter', () => {
  it('draws at once, walks on a new arrival, redraws after the walk, and says when it has arrived', async () => {
    const { stage, calls, endWalk } = fakeStage();
    const arrived: number[] = [];
    const room = roomPresenter(app, stage, (n) => arrived.push(n));
    room.show(model('offer:0:0', { speaker: 'arthur' }, { arthur: 'smiling' }));
    expect(calls).toEqual(['face arthur=smiling', 'show lounge arthur', 'speaker arthur']);

    calls.length = 0;
    // A face changes at once, even while the room waits (the feedback on a choice being read).
    room.show(model('hurt:0:1', {}, { arthur: 'upset' }));
    expect(calls).toEqual(['face arthur=upset']);
    await tick();
    expect(calls).toEqual(['face arthur=upset', 'show lounge arthur', 'speaker null']);

    calls.length = 0;
    room.show(model('handover:0:2', { location: 'office', present: ['marcus'], arrival: 1 }));
    expect(calls).toEqual(['moveTo office']);
    await tick();
    expect(arrived).toEqual([]);
    expect(calls).toEqual(['moveTo office']); // the redraw waits for the walk
    endWalk();
    await tick();
    expect(arrived).toEqual([1]);
    expect(calls).toEqual(['moveTo office', 'show office marcus', 'speaker null']);

    // The same model again: nothing to draw.
    calls.length = 0;
    room.show(model('handover:0:2', { location: 'office', present: ['marcus'], arrival: 1 }));
    await tick();
    expect(calls).toEqual([]);
    room.dispose();
    expect(calls).toEqual(['destroy']);
  });
});
