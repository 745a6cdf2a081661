import type { Site } from '../../models/site';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { useUi } from '../state/uiStore';
import { testIds } from '../testIds';
import { NumberField } from './NumberField';
import {
  type GradeChoice,
  type PlannerDraft,
  ROOM_CHOICES,
  type RoomChoice,
  SWAP_TYPES,
  type SwapDraft,
  type SwapType,
} from './plannerDraft';
import { plannerStore } from './plannerStore';
import { roomGroups } from './roomOptions';

/** The scope select's value: `fn:<function>` for rooms of a function, `room:<id>` for one. */
const scopeValue = (swap: SwapDraft) =>
  swap.roomId !== null ? `room:${swap.roomId}` : `fn:${swap.room}`;

function scopeOf(value: string): Pick<SwapDraft, 'room' | 'roomId'> {
  if (value.startsWith('room:')) return { room: 'all', roomId: value.slice('room:'.length) };
  return { room: value.slice('fn:'.length) as RoomChoice, roomId: null };
}

interface Props {
  readonly type: SwapType;
  readonly draft: PlannerDraft;
  readonly site: Site;
  readonly disabled: boolean;
}

/** One fixture type: the target grade, where it applies (rooms of a function or one room), price. */
export function SwapRow({ type, draft, site, disabled }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const swap = draft.swaps[type];
  const set = (change: Partial<SwapDraft>) =>
    plannerStore
      .getState()
      .edit((d) => ({ ...d, swaps: { ...d.swaps, [type]: { ...d.swaps[type], ...change } } }));
  const groups = roomGroups(site, type, lang);
  const typeName = t(`planner.fixture.${type}` as MessageKey);
  // The scenario lists only the types given a grade, in the form's order.
  const swapIndex = SWAP_TYPES.filter((x) => draft.swaps[x].grade !== 0).indexOf(type);
  return (
    <div className="planner-swap">
      <span className="planner-swap-type">{typeName}</span>
      <select
        aria-label={typeName}
        value={swap.grade}
        disabled={disabled}
        data-testid={testIds.plannerGrade(type)}
        onChange={(e) => set({ grade: Number(e.target.value) as GradeChoice })}
      >
        <option value={0}>{t('planner.grade.keep')}</option>
        {[1, 2, 3].map((g) => (
          <option key={g} value={g}>
            {t('planner.grade.n', { grade: g })}
          </option>
        ))}
      </select>
      <select
        aria-label={t('planner.room.where', { type: typeName })}
        value={scopeValue(swap)}
        disabled={disabled || swap.grade === 0}
        data-testid={testIds.plannerSwapRoom(type)}
        onChange={(e) => set(scopeOf(e.target.value))}
      >
        {ROOM_CHOICES.map((room) => (
          <option key={room} value={`fn:${room}`}>
            {t(`planner.room.${room}` as MessageKey)}
          </option>
        ))}
        {groups.map((group) => (
          <optgroup key={group.buildingName} label={group.buildingName}>
            {group.rooms.map((room) => (
              <option key={room.id} value={`room:${room.id}`}>
                {room.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <NumberField
        label={t('planner.costPerFixture')}
        path={`fixtureSwaps[${swapIndex}].costPerFixtureYuan`}
        placeholder={t('planner.costShort')}
        value={swap.costPerFixtureYuan}
        disabled={disabled || swap.grade === 0}
        onChange={(costPerFixtureYuan) => set({ costPerFixtureYuan })}
      />
    </div>
  );
}
