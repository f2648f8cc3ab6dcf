/**
 * The Phaser room as a presenter: a small adapter over RoomStage that draws the model's room.
 * Faces change at once; a new arrival number is a walk to another place (a fade), and once it
 * is over the runner is told, so the place's name changes with the room; anything else redraws
 * the room once the walk under way, if any, has finished.
 */
import type { App } from '../app/App';
import type { RoomStage } from '../game/RoomStage';
import type { ConversationModel, Presenter } from '../ui/conversationModel';

export function roomPresenter(
  app: App,
  stage: RoomStage,
  /** The walk numbered `arrival` has ended. */
  arrived: (arrival: number) => void,
): Presenter<ConversationModel, { type: string }> {
  stage.setMotion(!app.reducedMotion());
  const offSettings = app.settings.onChange(() => stage.setMotion(!app.reducedMotion()));
  let moving: Promise<void> = Promise.resolve();
  let arrival: number | null = null;
  let faces: Record<string, string> = {};
  let drawn = '';
  let disposed = false;
  return {
    show(model) {
      const room = model.room;
      for (const [who, expression] of Object.entries(model.expressions))
        if (faces[who] !== expression) stage.setExpression(who, expression);
      faces = model.expressions;
      // Drawn again for a new line or a changed room, as for every change of the Session.
      const key = `${model.lineKey}|${JSON.stringify(room)}`;
      if (arrival === null) {
        arrival = room.arrival;
        drawn = key;
        stage.show(room.location, room.present, room.expressions);
        stage.setSpeaker(room.speaker);
        return;
      }
      if (room.arrival !== arrival) {
        arrival = room.arrival;
        const walk = (moving = stage.moveTo(room.location, room.present, room.expressions));
        void walk.then(() => {
          if (moving === walk && !disposed) arrived(room.arrival);
        });
      }
      if (key === drawn) return;
      drawn = key;
      void moving.then(() => {
        if (disposed) return;
        stage.show(room.location, room.present, room.expressions);
        stage.setSpeaker(room.speaker);
      });
    },
    dispose() {
      disposed = true;
      offSettings();
      stage.destroy();
    },
  };
}
